package org.zkplatform.zab.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile or broken input fails with a {@link JuteException} and never a huge allocation. */
class JuteBoundsTest {

    private static JuteInput limited(int maxFieldBytes, int... ints) {
        ByteBuffer b = ByteBuffer.allocate(ints.length * 4);
        for (int i : ints) {
            b.putInt(i);
        }
        return new JuteInput(b.flip(), maxFieldBytes);
    }

    private static JuteInput input(int... ints) {
        return limited(JuteInput.DEFAULT_MAX_FIELD_BYTES, ints);
    }

    @Test
    void negativeLengthIsUnreasonable() {
        JuteException e = assertThrows(JuteException.class, () -> input(-2).readString());
        assertTrue(e.getMessage().startsWith("Unreasonable length = -2"), e.getMessage());
        e = assertThrows(JuteException.class, () -> input(Integer.MIN_VALUE).readBuffer());
        assertTrue(e.getMessage().startsWith("Unreasonable length = " + Integer.MIN_VALUE), e.getMessage());
    }

    @Test
    void lengthBeyondMaxFieldBytesIsUnreasonableEvenIfTheBytesAreThere() {
        JuteInput in = new JuteInput(ByteBuffer.allocate(4 + 11).putInt(0, 11), 10);
        JuteException e = assertThrows(JuteException.class, in::readBuffer);
        assertEquals("Unreasonable length = 11 (limit 10)", e.getMessage());
    }

    @Test
    void hugeLengthFailsAtOnce() {
        JuteException e = assertThrows(JuteException.class, () -> input(2_000_000_000).readBuffer());
        assertTrue(e.getMessage().startsWith("Unreasonable length = 2000000000"), e.getMessage());
        e = assertThrows(JuteException.class, () -> limited(Integer.MAX_VALUE, 2_000_000_000).readString());
        assertEquals("truncated record: need 2000000000 bytes, have 0", e.getMessage());
    }

    @Test
    void lengthBeyondTheRemainingBytesIsTruncation() {
        JuteInput in = new JuteInput(ByteBuffer.allocate(4 + 3).putInt(0, 5));
        JuteException e = assertThrows(JuteException.class, in::readString);
        assertEquals("truncated record: need 5 bytes, have 3", e.getMessage());
    }

    @Test
    void readingPastTheEndIsTruncation() {
        JuteException e = assertThrows(JuteException.class, () -> new JuteInput(new byte[3]).readInt());
        assertEquals("truncated record: need 4 bytes, have 3", e.getMessage());
        e = assertThrows(JuteException.class, () -> new JuteInput(new byte[7]).readLong());
        assertEquals("truncated record: need 8 bytes, have 7", e.getMessage());
        assertThrows(JuteException.class, () -> new JuteInput(new byte[0]).readBoolean());
        assertThrows(JuteException.class, () -> Stat.read(new JuteInput(new byte[Stat.BYTES - 1])));
    }

    @Test
    void vectorCountsAreBoundedByTheRemainingBytes() {
        JuteException e = assertThrows(JuteException.class, () -> input(2_000_000_000).readStringList());
        assertEquals("truncated record: vector of 2000000000 items needs at least 8000000000 bytes, have 0",
                e.getMessage());
        e = assertThrows(JuteException.class, () -> input(-2).readStringList());
        assertEquals("Unreasonable vector count = -2", e.getMessage());
        // one ACL entry takes at least 12 bytes: 11 are not enough
        JuteInput in = new JuteInput(ByteBuffer.allocate(4 + 11).putInt(0, 1));
        assertThrows(JuteException.class, () -> Acl.readList(in));
        ByteBuffer create = ByteBuffer.allocate(13).putInt(1).put((byte) '/').putInt(-1).putInt(Integer.MAX_VALUE);
        e = assertThrows(JuteException.class, () -> CreateRequest.read(new JuteInput(create.flip())));
        assertTrue(e.getMessage().startsWith("truncated record: vector of 2147483647 items"), e.getMessage());
    }

    @Test
    void anIdWithANullPartDoesNotDecode() {
        JuteException e = assertThrows(JuteException.class, () -> Acl.read(input(31, -1, 0)));
        assertEquals("Id with a null scheme", e.getMessage());
        e = assertThrows(JuteException.class, () -> IdCodec.read(input(0, -1)));
        assertEquals("Id with a null id", e.getMessage());
    }

    /** Every prefix and random corruptions of valid records: a record or a JuteException, nothing else. */
    @Test
    void brokenBytesOnlyEverGiveJuteExceptions() {
        Random random = new Random(42);
        for (RecordCatalog.Entry<?> entry : RecordCatalog.all()) {
            Samples samples = new Samples(entry.name().hashCode(), true);
            for (int i = 0; i < 40; i++) {
                byte[] bytes = entry.sample().apply(samples).toByteArray();
                for (int len = 0; len < bytes.length; len++) {
                    survive(entry, Arrays.copyOf(bytes, len));
                }
                for (int k = 0; k < 20 && bytes.length > 0; k++) {
                    byte[] corrupt = bytes.clone();
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                        corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt();
                    }
                    survive(entry, corrupt);
                }
            }
            for (int i = 0; i < 200; i++) {
                byte[] garbage = new byte[random.nextInt(64)];
                random.nextBytes(garbage);
                survive(entry, garbage);
            }
        }
    }

    private static void survive(RecordCatalog.Entry<?> entry, byte[] bytes) {
        try {
            entry.reader().read(new JuteInput(bytes));
        } catch (JuteException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
        } catch (RuntimeException e) {
            fail(entry.name() + " threw " + e + " on " + Arrays.toString(bytes), e);
        }
    }
}
