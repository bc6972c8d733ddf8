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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.election.Election;
import org.zkplatform.api.election.ElectionException;
import org.zkplatform.api.election.LocalPeer;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.zab.quorum.QuorumPeer;

/** A member of an ensemble: ZooKeeper's quorum mode, with followers and observers. */
public final class QuorumPeerServer implements ZkServer {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumPeerServer.class);

    private final ServerConfig config;
    private final EnsembleConfig ensemble;
    private final Storage storage;
    private final QuorumPeer peer;

    /**
     * @param clientTransport listens on {@code clientPort.address()}
     * @param secureClientPort a second client port with its own transport; empty for none
     * @param quorumTransport carries leader-learner traffic (and usually election's)
     * @param elections creates this server's election, given what it may read of the peer
     */
    public QuorumPeerServer(ServerConfig config, EnsembleConfig ensemble, ClientPortConfig clientPort,
                            SnapshotConfig snapshots, Storage storage, Transport clientTransport,
                            Optional<ClientEndpoint> secureClientPort, Map<String, Authenticator> authenticators,
                            Clock clock, Transport quorumTransport, Function<LocalPeer, Election> elections) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.ensemble = Objects.requireNonNull(ensemble, "ensemble is null");
        this.storage = Objects.requireNonNull(storage, "storage is null");
        List<ClientEndpoint> endpoints = new ArrayList<>();
        endpoints.add(new ClientEndpoint(clientPort.address(), Objects.requireNonNull(clientTransport)));
        secureClientPort.ifPresent(endpoints::add);
        QuorumPeer.Settings settings = new QuorumPeer.Settings(
                StandaloneServer.serviceSettings(config, clientPort, snapshots, storage), ensemble.servers(),
                config.initLimitTicks(), config.syncLimitTicks(), ensemble.listenOnAllIps());
        this.peer = new QuorumPeer(settings, storage, endpoints, authenticators, clock,
                Objects.requireNonNull(quorumTransport, "quorumTransport is null"), elections);
    }

    /** Loads the database, opens the client ports and starts looking for a leader. */
    @Override
    public void start() throws StorageException, TransportException, ElectionException {
        peer.start();
        LOG.info("Server {} of an ensemble of {} serving clients on {} once it has a leader; storage: {}",
                config.serverId(), ensemble.servers().size(), peer.clientAddresses(), storage.describe());
    }

    /** The bound client address. */
    @Override
    public InetSocketAddress clientAddress() {
        return peer.clientAddresses().get(0);
    }

    /** The bound secure client address, if one was configured. */
    @Override
    public Optional<InetSocketAddress> secureClientAddress() {
        List<InetSocketAddress> bound = peer.clientAddresses();
        return bound.size() < 2 ? Optional.empty() : Optional.of(bound.get(1));
    }

    /** Completes if the server fails and stops serving. */
    @Override
    public CompletableFuture<Throwable> failure() {
        return peer.failure();
    }

    @Override
    public CompletableFuture<CommandResult> command(String name) {
        return peer.inspect(state -> AdminCommands.run(name, state));
    }

    @Override
    public CompletableFuture<Readiness> readiness() {
        return peer.inspect(AdminCommands::readiness);
    }

    @Override
    public CompletableFuture<ServerGauges> gauges() {
        return peer.inspect(AdminCommands::gauges);
    }

    @Override
    public ServerMetrics metrics() {
        return peer.metrics();
    }

    @Override
    public void close() {
        peer.close();
    }
}
