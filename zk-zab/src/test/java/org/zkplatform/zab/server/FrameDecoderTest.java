package org.zkplatform.zab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final List<String> seen = new ArrayList<>();

    private FrameDecoder.Sink sink(boolean acceptFirstWord) {
        return new FrameDecoder.Sink() {
            @Override
            public boolean firstWord(int word) {
                seen.add("word:" + Integer.toHexString(word));
                return acceptFirstWord;
            }

            @Override
            public void frame(ByteBuffer frame) {
                byte[] bytes = new byte[frame.remaining()];
                frame.get(bytes);
                seen.add("frame:" + new String(bytes));
            }

            @Override
            public void badLength(int length) {
                seen.add("bad:" + length);
            }
        };
    }

    private static ByteBuffer frames(String... bodies) {
        ByteBuffer out = ByteBuffer.allocate(1024);
        for (String body : bodies) {
            out.putInt(body.length()).put(body.getBytes());
        }
        return out.flip();
    }

    @Test
    void splitsFramesWhateverTheChunking() {
        ByteBuffer all = frames("hello", "", "world!");
        for (int chunk = 1; chunk <= all.remaining(); chunk++) {
            seen.clear();
            FrameDecoder decoder = new FrameDecoder(100);
            ByteBuffer copy = all.duplicate();
            while (copy.hasRemaining()) {
                ByteBuffer piece = copy.slice();
                piece.limit(Math.min(chunk, copy.remaining()));
                copy.position(copy.position() + piece.limit());
                decoder.feed(piece, sink(false));
            }
            assertEquals(List.of("word:5", "frame:hello", "frame:", "frame:world!"), seen, "chunk " + chunk);
        }
    }

    @Test
    void aCommandInTheFirstFourBytesStopsDecoding() {
        FrameDecoder decoder = new FrameDecoder(100);
        decoder.feed(ByteBuffer.wrap("ruokmore bytes".getBytes()), sink(true));
        assertEquals(List.of("word:72756f6b"), seen);
    }

    @Test
    void refusesAnOversizeLengthBeforeAllocatingAndIgnoresTheRest() {
        FrameDecoder decoder = new FrameDecoder(100);
        ByteBuffer data = ByteBuffer.allocate(16).putInt(101).putInt(5).putInt(0).flip();
        decoder.feed(data, sink(false));
        assertEquals(List.of("word:65", "bad:101"), seen);
        assertEquals(0, decoder.pendingBytes());
        decoder.feed(frames("late"), sink(false));
        assertEquals(2, seen.size(), "nothing is decoded after a bad length");
    }

    @Test
    void refusesANegativeLength() {
        new FrameDecoder(100).feed(ByteBuffer.allocate(4).putInt(-7).flip(), sink(false));
        assertTrue(seen.contains("bad:-7"));
    }
}
