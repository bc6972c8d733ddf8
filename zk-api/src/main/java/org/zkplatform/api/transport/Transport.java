package org.zkplatform.api.transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Listens for and opens connections. One transport may hold many listeners and connections;
 * closing it closes them all and stops its threads.
 */
public interface Transport extends AutoCloseable {

    /** The provider name this transport came from. */
    String name();

    /**
     * Binds {@code address} and accepts connections on it, handing each to {@code handler}.
     * Returns once bound.
     *
     * @throws TransportException if the address cannot be bound; the message names the address
     *     (for example "port 2181 on 127.0.0.1 is already in use")
     */
    Listener listen(InetSocketAddress address, ConnectionHandler handler) throws TransportException;

    /**
     * Opens a connection to {@code address}. The stage completes with the open connection (after
     * any handshake, such as TLS), or exceptionally with a {@link TransportException} that names
     * the address, for example when nothing listens there or {@code timeout} passes.
     */
    CompletionStage<Connection> connect(InetSocketAddress address, Duration timeout, ConnectionHandler handler);

    /** Closes every listener and connection and releases threads. Idempotent. */
    @Override
    void close();
}
