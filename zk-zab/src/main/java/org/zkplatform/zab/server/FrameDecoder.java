package org.zkplatform.zab.server;

import java.nio.ByteBuffer;

/**
 * Splits a client's byte stream into frames: {@code int length} then that many bytes. Bounds
 * the length before allocating anything, so a hostile length costs nothing. Not thread-safe:
 * used by one connection's I/O callbacks, which never run concurrently.
 */
final class FrameDecoder {

    /** What the bytes so far amount to. */
    interface Sink {
        /** The first four bytes of a connection, before anything else; true if they were consumed as a command. */
        boolean firstWord(int word);

        /** A whole frame; valid only during the call. */
        void frame(ByteBuffer frame);

        /** A length that is negative or above the limit; the connection must close. */
        void badLength(int length);
    }

    private final int maxFrameBytes;
    private final ByteBuffer header = ByteBuffer.allocate(4);
    private ByteBuffer body;
    private boolean first = true;
    private boolean stopped;

    FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Consumes {@code data}, reporting to {@code sink}; after a bad length or a command, ignores the rest. */
    void feed(ByteBuffer data, Sink sink) {
        while (data.hasRemaining() && !stopped) {
            if (body == null) {
                copy(data, header);
                if (header.hasRemaining()) {
                    return;
                }
                int length = header.getInt(0);
                header.clear();
                if (first) {
                    first = false;
                    if (sink.firstWord(length)) {
                        stopped = true;
                        return;
                    }
                }
                if (length < 0 || length > maxFrameBytes) {
                    stopped = true;
                    sink.badLength(length);
                    return;
                }
                if (length == 0) {
                    sink.frame(ByteBuffer.allocate(0));
                    continue;
                }
                if (data.remaining() >= length) {
                    // The common case: the whole frame is here; hand out a view, no copy.
                    ByteBuffer frame = data.slice();
                    frame.limit(length);
                    data.position(data.position() + length);
                    sink.frame(frame);
                    continue;
                }
                body = ByteBuffer.allocate(length);
            }
            copy(data, body);
            if (!body.hasRemaining()) {
                body.flip();
                ByteBuffer frame = body;
                body = null;
                sink.frame(frame);
            }
        }
    }

    /** Bytes of a frame received so far but not yet complete. */
    int pendingBytes() {
        return body == null ? 0 : body.position();
    }

    private static void copy(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        ByteBuffer chunk = from.slice();
        chunk.limit(n);
        to.put(chunk);
        from.position(from.position() + n);
    }
}
