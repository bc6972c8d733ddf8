package org.zkplatform.zab;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.zab.server.ClientService;

/** A single server without an ensemble: ZooKeeper's standalone mode. */
public final class StandaloneServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);

    private final ServerConfig config;
    private final ClientPortConfig clientPort;
    private final Storage storage;
    private final Transport clientTransport;
    private final ClientService service;

    /**
     * @param authenticators the authentication schemes, by scheme name
     */
    public StandaloneServer(ServerConfig config, ClientPortConfig clientPort, SnapshotConfig snapshots, Storage storage,
                            Transport clientTransport, Map<String, Authenticator> authenticators, Clock clock) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.clientPort = Objects.requireNonNull(clientPort, "clientPort is null");
        this.storage = Objects.requireNonNull(storage, "storage is null");
        this.clientTransport = Objects.requireNonNull(clientTransport, "clientTransport is null");
        this.service = new ClientService(serviceSettings(config, clientPort, snapshots, storage), storage, clientTransport,
                authenticators, clock);
    }

    private static ClientService.Settings serviceSettings(ServerConfig config, ClientPortConfig clientPort,
                                                          SnapshotConfig snapshots, Storage storage) {
        java.util.function.IntFunction<List<String>> conf = port -> List.of(
                "clientPort=" + port,
                "secureClientPort=-1",
                "dataDir=" + storage.describe(),
                "dataDirSize=0",
                "dataLogDir=" + storage.describe(),
                "dataLogSize=0",
                "tickTime=" + config.tickTime().toMillis(),
                "maxClientCnxns=" + clientPort.maxConnectionsPerIp(),
                "minSessionTimeout=" + config.minSessionTimeout().toMillis(),
                "maxSessionTimeout=" + config.maxSessionTimeout().toMillis(),
                "clientPortListenBacklog=-1",
                "serverId=" + config.serverId());
        return new ClientService.Settings(config.serverId(), (int) config.tickTime().toMillis(),
                (int) config.minSessionTimeout().toMillis(), (int) config.maxSessionTimeout().toMillis(),
                config.extendedTypes(), clientPort.address(), clientPort.maxConnectionsPerIp(),
                clientPort.maxFrameBytes(), clientPort.fourLetterWords(), config.containerCheckInterval(), snapshots,
                conf);
    }

    /** Loads the database and opens the client port. */
    public void start() throws StorageException, TransportException {
        service.start();
        LOG.info("Standalone server {} serving clients on {} ({} transport), storage: {}, tick {} ms",
                config.serverId(), service.clientAddress(), clientTransport.name(), storage.describe(),
                config.tickTime().toMillis());
    }

    /** The bound client address; the real port when port 0 was configured. */
    public InetSocketAddress clientAddress() {
        return service.clientAddress();
    }

    /** Completes if the server fails and stops serving (the log cannot be written, say). */
    public CompletableFuture<Throwable> failure() {
        return service.failure();
    }

    @Override
    public void close() {
        service.close();
    }
}
