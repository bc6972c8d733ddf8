package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.election.fle.NotificationCodec.Decoded;

/** Every notification layout ZooKeeper reads, and every malformed one it skips. */
class NotificationCodecTest {

    private static final byte[] CONFIG = "server.1=127.0.0.1:2888:3888:participant\nversion=100000000"
            .getBytes(StandardCharsets.UTF_8);

    private static ByteBuffer header(int bytes, int state, long leader, long zxid, long round) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        buffer.putInt(state).putLong(leader).putLong(zxid).putLong(round);
        return buffer;
    }

    @Test
    void encodesTheCurrentFormWithVersionTwoAndTheConfig() {
        Notification n = Notification.of(PeerState.FOLLOWING, 3, 0x500000007L, 9, 5);
        ByteBuffer bytes = ByteBuffer.wrap(NotificationCodec.encode(n, CONFIG));
        assertEquals(44 + CONFIG.length, bytes.remaining());
        assertEquals(1, bytes.getInt());
        assertEquals(3, bytes.getLong());
        assertEquals(0x500000007L, bytes.getLong());
        assertEquals(9, bytes.getLong());
        assertEquals(5, bytes.getLong());
        assertEquals(2, bytes.getInt());
        assertEquals(CONFIG.length, bytes.getInt());
        byte[] config = new byte[CONFIG.length];
        bytes.get(config);
        assertArrayEquals(CONFIG, config);
    }

    @Test
    void decodesWhatItEncodes() {
        Notification n = Notification.of(PeerState.LEADING, 2, 0x100000001L, 4, 1);
        Decoded.Valid valid = assertInstanceOf(Decoded.Valid.class, NotificationCodec.decode(NotificationCodec.encode(n, CONFIG)));
        assertEquals(n, valid.notification());
        assertTrue(valid.hadConfig());
        assertEquals(OptionalLong.of(0x100000000L), valid.configVersion());
    }

    @Test
    void readsThe28ByteFormTakingThePeerEpochFromTheZxid() {
        byte[] message = header(28, 0, 2, 0x300000009L, 7).array();
        Decoded.Valid valid = assertInstanceOf(Decoded.Valid.class, NotificationCodec.decode(message));
        assertEquals(new Notification(PeerState.LOOKING, 2, 0x300000009L, 7, 3, 0), valid.notification());
        assertTrue(!valid.hadConfig());
    }

    @Test
    void readsThe40ByteFormWithoutItsVersion() {
        ByteBuffer buffer = header(40, 1, 2, 9, 7);
        buffer.putLong(4).putInt(1); // ZooKeeper's 40-byte writer puts version 1 there; readers ignore it
        Decoded.Valid valid = assertInstanceOf(Decoded.Valid.class, NotificationCodec.decode(buffer.array()));
        assertEquals(new Notification(PeerState.FOLLOWING, 2, 9, 7, 4, 0), valid.notification());
    }

    @Test
    void readsVersionOneWithoutConfigAndIgnoresTrailingBytes() {
        ByteBuffer buffer = header(48, 2, 2, 9, 7);
        buffer.putLong(4).putInt(1).putInt(12345);
        Decoded.Valid valid = assertInstanceOf(Decoded.Valid.class, NotificationCodec.decode(buffer.array()));
        assertEquals(new Notification(PeerState.LEADING, 2, 9, 7, 4, 1), valid.notification());
    }

    @Test
    void aConfigWithoutAReadableVersionStillGivesTheNotification() {
        byte[] garbage = "not a config".getBytes(StandardCharsets.UTF_8);
        Decoded.Valid valid = assertInstanceOf(Decoded.Valid.class,
                NotificationCodec.decode(NotificationCodec.encode(Notification.of(PeerState.LOOKING, 1, 1, 1, 1), garbage)));
        assertEquals(OptionalLong.empty(), valid.configVersion());
    }

    @Test
    void skipsMalformedMessages() {
        assertMalformed(new byte[27], "shorter than 28");
        assertMalformed(new byte[0], "shorter than 28");
        assertMalformed(header(32, 0, 1, 1, 1).array(), "truncated");
        assertMalformed(header(38, 0, 1, 1, 1).array(), "truncated");
        assertMalformed(withConfigLength(-1, 0), "config length -1");
        assertMalformed(withConfigLength(10, 9), "config length 10");
        assertMalformed(withConfigLength(Integer.MAX_VALUE, 100), "config length");
        ByteBuffer noLength = header(42, 0, 1, 1, 1);
        noLength.putLong(1).putShort((short) 2);
        assertMalformed(noLength.array(), "truncated");
        ByteBuffer badState = header(44, 7, 1, 1, 1);
        badState.putLong(1).putInt(2).putInt(0);
        assertMalformed(badState.array(), "unknown state 7");
    }

    private static byte[] withConfigLength(int configLength, int configBytes) {
        ByteBuffer buffer = header(44 + configBytes, 0, 1, 1, 1);
        buffer.putLong(1).putInt(2).putInt(configLength);
        return buffer.array();
    }

    private static void assertMalformed(byte[] message, String reason) {
        Decoded.Malformed malformed = assertInstanceOf(Decoded.Malformed.class, NotificationCodec.decode(message));
        assertTrue(malformed.reason().contains(reason), malformed.reason());
    }
}
