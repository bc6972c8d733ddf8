package org.zkplatform.zab;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.time.Scheduler;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;

/**
 * A single server without an ensemble. Until the client protocol lands it only opens its client
 * port and closes each connection it accepts.
 */
public final class StandaloneServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);

    private final ServerConfig config;
    private final ClientPortConfig clientPort;
    private final Storage storage;
    private final Transport clientTransport;
    private Listener listener;

    public StandaloneServer(ServerConfig config, ClientPortConfig clientPort, Storage storage,
                            Transport clientTransport, Scheduler scheduler) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.clientPort = Objects.requireNonNull(clientPort, "clientPort is null");
        this.storage = Objects.requireNonNull(storage, "storage is null");
        this.clientTransport = Objects.requireNonNull(clientTransport, "clientTransport is null");
        Objects.requireNonNull(scheduler, "scheduler is null");
    }

    /** Opens the client port. */
    public void start() throws TransportException {
        listener = clientTransport.listen(clientPort.address(), new ConnectionHandler() {
            @Override
            public void onOpen(Connection connection) {
                LOG.info("Closing client connection from {}: the client protocol is not implemented yet",
                        connection.remoteAddress());
                connection.close();
            }

            @Override
            public void onData(Connection connection, ByteBuffer data) {
            }
        });
        LOG.info("Standalone server {} listening for clients on {} ({} transport), storage: {}, tick {} ms",
                config.serverId(), listener.localAddress(), clientTransport.name(), storage.describe(),
                config.tickTime().toMillis());
    }

    /** The bound client address; the real port when port 0 was configured. */
    public InetSocketAddress clientAddress() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        return listener.localAddress();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }
}
