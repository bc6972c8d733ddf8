package org.zkplatform.election.fle;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalLong;
import org.zkplatform.api.election.PeerState;

/**
 * The bytes of an election message, as Apache ZooKeeper 3.9 writes and reads them (the payload of
 * one frame; see {@link FrameReader} for the framing).
 *
 * <pre>
 * int state | long leader | long zxid | long electionEpoch | long peerEpoch | int version | int configLength | config
 * </pre>
 *
 * We always send that 44+N form with version 2. We read every form ZooKeeper reads: exactly 28
 * bytes (no peer epoch: it is taken from the zxid's high half), exactly 40 bytes (no version, even
 * though ZooKeeper's 40-byte writer puts one there), and 41 bytes or more (version, then config
 * when the version is above 1). Anything ZooKeeper would trip over is {@link Decoded.Malformed}.
 */
public final class NotificationCodec {

    /** The shortest message: state, leader, zxid, election epoch. */
    static final int LEGACY_SHORT_BYTES = 28;
    /** The message with a peer epoch but no version. */
    static final int LEGACY_NO_VERSION_BYTES = 40;
    /** Everything before the config text in the current form. */
    static final int HEADER_BYTES = 44;

    private NotificationCodec() {
    }

    /** What a message decoded to. */
    public sealed interface Decoded permits Decoded.Valid, Decoded.Malformed {

        /**
         * @param notification the message
         * @param configVersion the {@code version=} of the config text it carried, when it carried
         *     one that could be read
         * @param hadConfig whether it carried config text at all
         */
        record Valid(Notification notification, boolean hadConfig, OptionalLong configVersion) implements Decoded {
        }

        /** @param reason why it cannot be read, for a log line */
        record Malformed(String reason) implements Decoded {
        }
    }

    /** The current form of {@code notification} with {@code config} (UTF-8 config text). */
    public static byte[] encode(Notification notification, byte[] config) {
        Objects.requireNonNull(config, "config is null");
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + config.length);
        buffer.putInt(notification.state().code());
        buffer.putLong(notification.leader());
        buffer.putLong(notification.zxid());
        buffer.putLong(notification.electionEpoch());
        buffer.putLong(notification.peerEpoch());
        buffer.putInt(Notification.CURRENT_VERSION);
        buffer.putInt(config.length);
        buffer.put(config);
        return buffer.array();
    }

    /** Reads one message; never throws on bad input. */
    public static Decoded decode(byte[] message) {
        int length = message.length;
        if (length < LEGACY_SHORT_BYTES) {
            return new Decoded.Malformed("shorter than " + LEGACY_SHORT_BYTES + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(message);
        try {
            int stateCode = buffer.getInt();
            long leader = buffer.getLong();
            long zxid = buffer.getLong();
            long electionEpoch = buffer.getLong();
            long peerEpoch;
            int version = 0;
            if (length == LEGACY_SHORT_BYTES) {
                peerEpoch = zxid >> 32; // the epoch half of the zxid, as ZooKeeper's ZxidUtils reads it
            } else {
                peerEpoch = buffer.getLong();
                if (length != LEGACY_NO_VERSION_BYTES) {
                    version = buffer.getInt();
                }
            }
            boolean hadConfig = false;
            OptionalLong configVersion = OptionalLong.empty();
            if (version > 1) {
                int configLength = buffer.getInt();
                // ZooKeeper compares with the whole message size, then underflows on anything longer than what is left.
                if (configLength < 0 || configLength > buffer.remaining()) {
                    return new Decoded.Malformed("config length " + configLength + " with " + buffer.remaining() + " bytes left");
                }
                byte[] config = new byte[configLength];
                buffer.get(config);
                hadConfig = true;
                configVersion = ConfigText.version(new String(config, StandardCharsets.UTF_8));
            }
            if (stateCode < 0 || stateCode > PeerState.OBSERVING.code()) {
                return new Decoded.Malformed("unknown state " + stateCode);
            }
            Notification notification = new Notification(PeerState.ofCode(stateCode), leader, zxid, electionEpoch, peerEpoch, version);
            return new Decoded.Valid(notification, hadConfig, configVersion);
        } catch (BufferUnderflowException e) {
            return new Decoded.Malformed("truncated " + length + "-byte message");
        }
    }
}
