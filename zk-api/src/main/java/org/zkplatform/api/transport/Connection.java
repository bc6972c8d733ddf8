package org.zkplatform.api.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One open byte stream. Safe to use from any thread.
 *
 * <p>Backpressure runs both ways. Outbound: {@link #isWritable()} turns false when more than the
 * transport's high-water mark of written bytes is still unsent, and
 * {@link ConnectionHandler#onWritabilityChanged} reports each change; a well-behaved writer stops
 * until it turns true again. Inbound: {@link #pauseReading()} stops reading from the socket, so
 * the peer's sends eventually block in its TCP window instead of filling our memory.
 */
public interface Connection {

    /** An id unique within the transport, for logs. */
    long id();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /** The peer's verified identity, when the transport authenticates peers (TLS with a client certificate). */
    Optional<PeerIdentity> peerIdentity();

    /** Whether the bytes travel encrypted. */
    boolean isSecure();

    /**
     * Queues {@code data} for sending and flushes. The connection takes ownership of the buffer:
     * the caller must not change it afterwards. The stage completes when the bytes are handed to
     * the operating system, or exceptionally if the connection closes first.
     */
    CompletionStage<Void> write(ByteBuffer data);

    /** Whether the unsent bytes are below the high-water mark. */
    boolean isWritable();

    /** Stops delivering {@link ConnectionHandler#onData} until {@link #resumeReading()}. */
    void pauseReading();

    void resumeReading();

    boolean isOpen();

    /**
     * Closes after the bytes already written are flushed. {@link ConnectionHandler#onClose} follows.
     * Idempotent.
     */
    CompletionStage<Void> close();
}
