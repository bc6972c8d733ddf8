package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Length-prefixed election messages. */
class FrameReaderTest {

    @Test
    void splitsJoinedFramesAndJoinsSplitOnes() throws Exception {
        byte[] first = {1, 2, 3};
        byte[] second = new byte[100];
        second[99] = 9;
        ByteBuffer stream = ByteBuffer.allocate(4 + 3 + 4 + 100);
        stream.put(FrameReader.frame(first)).put(FrameReader.frame(second)).flip();
        for (int chunk : new int[] {1, 2, 5, 200}) {
            FrameReader reader = new FrameReader();
            List<byte[]> messages = new ArrayList<>();
            ByteBuffer all = stream.duplicate();
            while (all.hasRemaining()) {
                ByteBuffer piece = all.duplicate();
                piece.limit(Math.min(all.limit(), all.position() + chunk));
                all.position(piece.limit());
                reader.feed(piece, messages::add);
            }
            assertEquals(2, messages.size(), "chunks of " + chunk);
            assertArrayEquals(first, messages.get(0));
            assertArrayEquals(second, messages.get(1));
        }
    }

    @Test
    void refusesLengthsOutOfRange() {
        for (int length : new int[] {0, -1, Integer.MIN_VALUE, FrameReader.MAX_MESSAGE_BYTES + 1}) {
            ByteBuffer bytes = ByteBuffer.allocate(4).putInt(length).flip();
            assertThrows(FrameReader.BadFrameException.class, () -> new FrameReader().feed(bytes, message -> { }));
        }
    }

    @Test
    void acceptsTheLargestMessage() throws Exception {
        byte[] largest = new byte[FrameReader.MAX_MESSAGE_BYTES];
        List<byte[]> messages = new ArrayList<>();
        new FrameReader().feed(FrameReader.frame(largest), messages::add);
        assertEquals(FrameReader.MAX_MESSAGE_BYTES, messages.get(0).length);
    }
}
