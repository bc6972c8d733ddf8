package org.zkplatform.zab.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The primitive encodings of {@link JuteOutput} and {@link JuteInput}. */
class JuteCodecTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] string(String s) {
        JuteOutput out = new JuteOutput();
        out.writeString(s);
        return out.toByteArray();
    }

    @Test
    void numbersAreBigEndian() throws JuteException {
        JuteOutput out = new JuteOutput(0);
        out.writeByte((byte) 0xAB);
        out.writeBoolean(true);
        out.writeBoolean(false);
        out.writeInt(0x01020304);
        out.writeLong(0x0102030405060708L);
        out.writeInt(-1);
        assertArrayEquals(bytes(0xAB, 1, 0, 1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 0xFF, 0xFF, 0xFF, 0xFF), out.toByteArray());

        JuteInput in = new JuteInput(out.toByteArray());
        assertEquals((byte) 0xAB, in.readByte());
        assertTrue(in.readBoolean());
        assertFalse(in.readBoolean());
        assertEquals(0x01020304, in.readInt());
        assertEquals(0x0102030405060708L, in.readLong());
        assertEquals(-1, in.readInt());
        assertFalse(in.hasRemaining());
    }

    @Test
    void anyNonZeroByteIsTrue() throws JuteException {
        assertTrue(new JuteInput(bytes(2)).readBoolean());
        assertTrue(new JuteInput(bytes(0x80)).readBoolean());
    }

    @Test
    void stringsEncodeEachUtf16UnitOnItsOwn() {
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF), string(null));
        assertArrayEquals(bytes(0, 0, 0, 0), string(""));
        assertArrayEquals(bytes(0, 0, 0, 2, '/', 'a'), string("/a"));
        assertArrayEquals(bytes(0, 0, 0, 2, 0xC3, 0xA9), string("é"));
        assertArrayEquals(bytes(0, 0, 0, 3, 0xE0, 0xA0, 0x80), string("\u0800"));
        assertArrayEquals(bytes(0, 0, 0, 6, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80), string("\uD83D\uDE00"));
        assertArrayEquals(bytes(0, 0, 0, 3, 0xED, 0xA0, 0x80), string("\uD800"));
    }

    @Test
    void stringsDecodeAsStandardUtf8() throws JuteException {
        assertEquals("é中/a", new JuteInput(string("é中/a")).readString());
        assertEquals("\uD83D\uDE00", new JuteInput(bytes(0, 0, 0, 4, 0xF0, 0x9F, 0x98, 0x80)).readString());
        assertNull(new JuteInput(string(null)).readString());
        assertEquals("", new JuteInput(string("")).readString());
    }

    @Test
    void buffersAndNullBuffers() throws JuteException {
        JuteOutput out = new JuteOutput();
        out.writeBuffer(null);
        out.writeBuffer(new byte[0]);
        out.writeBuffer(bytes(1, 2, 3));
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3), out.toByteArray());
        JuteInput in = new JuteInput(out.toByteArray());
        assertNull(in.readBuffer());
        assertArrayEquals(new byte[0], in.readBuffer());
        assertArrayEquals(bytes(1, 2, 3), in.readBuffer());
    }

    @Test
    void stringListsKeepNullListsAndNullItems() throws JuteException {
        JuteOutput out = new JuteOutput();
        out.writeStringList(null);
        out.writeStringList(List.of());
        out.writeStringList(Arrays.asList("a", null, ""));
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0,
                0, 0, 0, 3, 0, 0, 0, 1, 'a', 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0), out.toByteArray());
        JuteInput in = new JuteInput(out.toByteArray());
        assertNull(in.readStringList());
        assertEquals(List.of(), in.readStringList());
        List<String> items = in.readStringList();
        assertEquals(Arrays.asList("a", null, ""), items);
        assertThrows(UnsupportedOperationException.class, () -> items.add("b"));
    }

    @Test
    void aReservedIntCanBePatchedIntoAFrameLength() {
        JuteOutput out = new JuteOutput();
        int at = out.reserveInt();
        new ReplyHeader(-2, 0x100000001L, 0).write(out);
        out.patchInt(at, out.size() - 4);
        byte[] frame = out.toByteArray();
        assertEquals(20, frame.length);
        assertEquals(16, ByteBuffer.wrap(frame).getInt());
        assertThrows(IndexOutOfBoundsException.class, () -> out.patchInt(17, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> out.patchInt(-1, 0));
    }

    @Test
    void theByteBufferIsAViewOfTheWrittenBytes() {
        JuteOutput out = new JuteOutput();
        out.writeInt(7);
        ByteBuffer view = out.toByteBuffer();
        assertEquals(0, view.position());
        assertEquals(4, view.remaining());
        out.patchInt(0, 9);
        assertEquals(9, view.getInt(0));
    }

    @Test
    void theOutputGrowsAsNeeded() throws JuteException {
        JuteOutput out = new JuteOutput(1);
        String big = "é".repeat(70_000);
        for (int i = 0; i < 10; i++) {
            out.writeString(big);
        }
        assertEquals(10 * (4 + 140_000), out.size());
        JuteInput in = new JuteInput(out.toByteBuffer());
        for (int i = 0; i < 10; i++) {
            assertEquals(big, in.readString());
        }
    }

    @Test
    void readsFromDirectAndOffsetBuffersWithoutMovingTheCallersPosition() throws JuteException {
        byte[] encoded = string("héllo");
        ByteBuffer direct = ByteBuffer.allocateDirect(encoded.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        direct.put((byte) 9).put((byte) 9).put(encoded).position(2);
        JuteInput in = new JuteInput(direct);
        assertEquals("héllo", in.readString());
        assertEquals(2, direct.position());

        ByteBuffer sliced = ByteBuffer.wrap(new byte[encoded.length + 3]).position(3).slice().put(encoded).flip();
        assertEquals("héllo", new JuteInput(sliced).readString());
    }
}
