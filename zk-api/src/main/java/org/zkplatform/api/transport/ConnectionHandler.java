package org.zkplatform.api.transport;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Receives the events of connections. See the package documentation for the threading contract:
 * per connection, callbacks are sequential and must not block.
 */
public interface ConnectionHandler {

    /** The connection is open (and its handshake, if any, done). */
    default void onOpen(Connection connection) {
    }

    /**
     * Bytes arrived. {@code data} is valid only during the call: copy what must be kept. Frames
     * may be split or joined arbitrarily.
     */
    void onData(Connection connection, ByteBuffer data);

    /** {@link Connection#isWritable()} changed. */
    default void onWritabilityChanged(Connection connection, boolean writable) {
    }

    /**
     * The connection closed, by either side. {@code cause} is present when it closed because of
     * an error (reset, TLS failure); it is absent for an orderly close.
     */
    default void onClose(Connection connection, Optional<Throwable> cause) {
    }
}
