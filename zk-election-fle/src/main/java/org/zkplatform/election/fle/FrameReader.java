package org.zkplatform.election.fle;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Splits an election connection's byte stream into messages: {@code int length} then that many
 * bytes, as ZooKeeper's {@code QuorumCnxManager} frames them. A length of 0 or less, or above
 * {@link #MAX_MESSAGE_BYTES}, is a broken or hostile peer: the reader fails and the connection
 * must be closed. Bytes may arrive split or joined arbitrarily.
 */
final class FrameReader {

    /** ZooKeeper's {@code PACKETMAXSIZE}: 512 KiB. */
    static final int MAX_MESSAGE_BYTES = 512 * 1024;

    /** A frame length outside the allowed range. */
    static final class BadFrameException extends Exception {
        private static final long serialVersionUID = 1L;

        BadFrameException(String message) {
            super(message);
        }
    }

    private final ByteBuffer lengthBytes = ByteBuffer.allocate(4);
    private byte[] body;
    private int bodyFilled;

    /** Writes a message with its length in front. */
    static ByteBuffer frame(byte[] message) {
        ByteBuffer framed = ByteBuffer.allocate(4 + message.length);
        framed.putInt(message.length).put(message).flip();
        return framed;
    }

    /**
     * Consumes all of {@code data}, handing each complete message to {@code sink}.
     *
     * @throws BadFrameException on a length out of range; the reader is then unusable
     */
    void feed(ByteBuffer data, Consumer<byte[]> sink) throws BadFrameException {
        // Each pass consumes at least one byte or ends the loop, so it is bounded by the input size.
        while (data.hasRemaining()) {
            if (body == null) {
                int take = Math.min(lengthBytes.remaining(), data.remaining());
                for (int i = 0; i < take; i++) {
                    lengthBytes.put(data.get());
                }
                if (lengthBytes.hasRemaining()) {
                    return;
                }
                int length = lengthBytes.flip().getInt();
                lengthBytes.clear();
                if (length <= 0 || length > MAX_MESSAGE_BYTES) {
                    throw new BadFrameException("message length " + length + " is out of range 1.." + MAX_MESSAGE_BYTES);
                }
                body = new byte[length];
                bodyFilled = 0;
            }
            int take = Math.min(body.length - bodyFilled, data.remaining());
            data.get(body, bodyFilled, take);
            bodyFilled += take;
            if (bodyFilled == body.length) {
                byte[] message = body;
                body = null;
                sink.accept(message);
            }
        }
    }
}
