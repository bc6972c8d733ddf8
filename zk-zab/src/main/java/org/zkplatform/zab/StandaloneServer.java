package org.zkplatform.zab;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.zkplatform.zab.admin.CommandResult;
import org.zkplatform.zab.admin.Readiness;
import org.zkplatform.zab.admin.ServerGauges;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.server.AdminCommands;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
public final class StandaloneServer implements ZkServer {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);

    private final ServerConfig config;
    private final Storage storage;
    private final List<ClientEndpoint> endpoints;
    private final ClientService service;

    /**
     * @param clientTransport listens on {@code clientPort.address()}
     * @param secureClientPort a second client port with its own transport (ZooKeeper's
     *     {@code secureClientPort}), serving the same sessions and data; empty for none
     * @param authenticators the authentication schemes, by scheme name
     */
    public StandaloneServer(ServerConfig config, ClientPortConfig clientPort, SnapshotConfig snapshots, Storage storage,
                            Transport clientTransport, Optional<ClientEndpoint> secureClientPort,
                            Map<String, Authenticator> authenticators, Clock clock) {
        this.config = Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(clientPort, "clientPort is null");
        this.storage = Objects.requireNonNull(storage, "storage is null");
        List<ClientEndpoint> all = new ArrayList<>();
        all.add(new ClientEndpoint(clientPort.address(), Objects.requireNonNull(clientTransport, "clientTransport is null")));
        Objects.requireNonNull(secureClientPort, "secureClientPort is null").ifPresent(all::add);
        this.endpoints = List.copyOf(all);
        this.service = new ClientService(serviceSettings(config, clientPort, snapshots, storage), storage, endpoints,
                authenticators, clock);
    }

    static ClientService.Settings serviceSettings(ServerConfig config, ClientPortConfig clientPort,
                                                          SnapshotConfig snapshots, Storage storage) {
        Function<List<InetSocketAddress>, List<String>> conf = bound -> List.of(
                "clientPort=" + (bound.isEmpty() ? 0 : bound.get(0).getPort()),
                "secureClientPort=" + (bound.size() < 2 ? -1 : bound.get(1).getPort()),
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
                config.extendedTypes(), clientPort.maxConnectionsPerIp(),
                clientPort.maxFrameBytes(), clientPort.fourLetterWords(), config.containerCheckInterval(), snapshots,
                conf);
    }

    /** Loads the database and opens the client ports. */
    @Override
    public void start() throws StorageException, TransportException {
        service.start();
        List<InetSocketAddress> bound = service.clientAddresses();
        String ports = IntStream.range(0, bound.size())
                .mapToObj(i -> bound.get(i) + " (" + endpoints.get(i).transport().name() + " transport)")
                .collect(Collectors.joining(", "));
        LOG.info("Standalone server {} serving clients on {}, storage: {}, tick {} ms",
                config.serverId(), ports, storage.describe(), config.tickTime().toMillis());
    }

    /** The bound client address; the real port when port 0 was configured. */
    @Override
    public InetSocketAddress clientAddress() {
        return service.clientAddresses().get(0);
    }

    /** The bound secure client address, if one was configured. */
    @Override
    public Optional<InetSocketAddress> secureClientAddress() {
        List<InetSocketAddress> bound = service.clientAddresses();
        return bound.size() < 2 ? Optional.empty() : Optional.of(bound.get(1));
    }

    /** Completes if the server fails and stops serving (the log cannot be written, say). */
    @Override
    public CompletableFuture<Throwable> failure() {
        return service.failure();
    }

    @Override
    public CompletableFuture<CommandResult> command(String name) {
        return service.inspect(state -> AdminCommands.run(name, state));
    }

    @Override
    public CompletableFuture<Readiness> readiness() {
        return service.inspect(AdminCommands::readiness);
    }

    @Override
    public CompletableFuture<ServerGauges> gauges() {
        return service.inspect(AdminCommands::gauges);
    }

    @Override
    public ServerMetrics metrics() {
        return service.metrics();
    }

    @Override
    public void close() {
        service.close();
    }
}
