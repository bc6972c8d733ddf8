package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first bytes of an election connection, whole, split, or wrong. */
class InitialMessageReaderTest {

    private static ByteBuffer message(long version, long sid, int length, String address) {
        byte[] text = address.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(20 + text.length);
        buffer.putLong(version).putLong(sid).putInt(length).put(text).flip();
        return buffer;
    }

    private static InitialMessageReader.Result read(ByteBuffer bytes) {
        return new InitialMessageReader().feed(bytes);
    }

    @Test
    void readsTheV1MessageWeSend() {
        ByteBuffer bytes = ByteBuffer.wrap(InitialMessage.encode(3, "10.0.0.3:3888"));
        InitialMessageReader.Complete complete = assertInstanceOf(InitialMessageReader.Complete.class, read(bytes));
        assertEquals(new InitialMessage(InitialMessage.PROTOCOL_V1, 3, List.of("10.0.0.3:3888")), complete.message());
        assertEquals(0, bytes.remaining());
    }

    @Test
    void readsV2WithSeveralAddressesAndIpv6() {
        String addresses = "10.0.0.3:3888|[fe80::1]:3889";
        InitialMessageReader.Complete complete = assertInstanceOf(InitialMessageReader.Complete.class,
                read(message(InitialMessage.PROTOCOL_V2, 3, addresses.length(), addresses)));
        assertEquals(List.of("10.0.0.3:3888", "[fe80::1]:3889"), complete.message().addresses());
    }

    @Test
    void aNonNegativeFirstLongIsABareServerId() {
        ByteBuffer bytes = ByteBuffer.allocate(12).putLong(7).putInt(99).flip();
        InitialMessageReader.Complete complete = assertInstanceOf(InitialMessageReader.Complete.class, read(bytes));
        assertEquals(7, complete.message().sid());
        assertEquals(4, bytes.remaining(), "what follows belongs to the frames");
    }

    @Test
    void waitsForAMessageSplitAnywhereAndLeavesTheFramesThatFollow() {
        byte[] initial = InitialMessage.encode(2, "host-b:3888");
        ByteBuffer all = ByteBuffer.allocate(initial.length + 6).put(initial).putInt(2).put((byte) 1).put((byte) 2).flip();
        InitialMessageReader reader = new InitialMessageReader();
        InitialMessageReader.Result result = null;
        for (int i = 0; i < initial.length; i++) {
            result = reader.feed(ByteBuffer.wrap(new byte[] {all.get(i)}));
            if (i < initial.length - 1) {
                assertInstanceOf(InitialMessageReader.Incomplete.class, result);
            }
        }
        assertEquals(2, assertInstanceOf(InitialMessageReader.Complete.class, result).message().sid());

        ByteBuffer joined = all.duplicate();
        assertInstanceOf(InitialMessageReader.Complete.class, new InitialMessageReader().feed(joined));
        assertEquals(6, joined.remaining());
        assertEquals(2, joined.getInt());
    }

    @Test
    void refusesWhatZooKeeperRefuses() {
        assertRefused(message(-5, 1, 9, "host:3888"), "unrecognized protocol version -5");
        assertRefused(message(InitialMessage.PROTOCOL_V1, 1, 0, ""), "unreasonable address length 0");
        assertRefused(message(InitialMessage.PROTOCOL_V1, 1, -3, ""), "unreasonable address length -3");
        assertRefused(message(InitialMessage.PROTOCOL_V1, 1, 2049, ""), "unreasonable address length 2049");
        assertRefused(message(InitialMessage.PROTOCOL_V1, 1, 4, "host"), "badly formed address host");
        assertRefused(message(InitialMessage.PROTOCOL_V1, 1, 6, "a:b:c4"), "badly formed address");
        assertRefused(message(InitialMessage.PROTOCOL_V1, 1, 9, "host:port"), "bad port");
        assertRefused(message(InitialMessage.PROTOCOL_V1, 1, 8, "[::1]3888"), "badly formed address");
    }

    @Test
    void acceptsTheLongestAddressAndRefusesToEncodeALongerOne() {
        String longest = "h".repeat(2043) + ":3888";
        assertInstanceOf(InitialMessageReader.Complete.class, read(message(InitialMessage.PROTOCOL_V1, 1, 2048, longest)));
        assertThrows(IllegalArgumentException.class, () -> InitialMessage.encode(1, "h" + longest));
    }

    private static void assertRefused(ByteBuffer bytes, String reason) {
        InitialMessageReader.Refused refused = assertInstanceOf(InitialMessageReader.Refused.class, read(bytes));
        assertTrue(refused.reason().contains(reason), refused.reason());
    }
}
