package org.zkplatform.zab.quorum;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.election.Election;
import org.zkplatform.api.election.ElectionException;
import org.zkplatform.api.election.LocalPeer;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.zab.ClientEndpoint;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.persistence.DatabaseLoader;
import org.zkplatform.zab.persistence.Snapshotter;
import org.zkplatform.zab.server.ClientPort;
import org.zkplatform.zab.server.ClientService;
import org.zkplatform.zab.server.CoreLoop;
import org.zkplatform.zab.server.CoreSettings;
import org.zkplatform.zab.server.Inspection;
import org.zkplatform.zab.server.Inspections;
import org.zkplatform.zab.server.TxnLogWriter;
import org.zkplatform.zab.tree.DataTree;

/**
 * A member of an ensemble, wired in the order of ZooKeeper's peer startup: load the database,
 * open the client ports, start election, then drive LOOKING and the roles it leads to.
 */
public final class QuorumPeer implements AutoCloseable {

    /**
     * @param servers every member of the ensemble, this one included
     * @param initLimitTicks ticks a learner has to connect and sync
     * @param syncLimitTicks ticks without contact before a learner or the leader gives up on the other
     * @param listenOnAllIps whether a leader listens on the wildcard address rather than its quorum address
     */
    public record Settings(ClientService.Settings client, List<QuorumServer> servers, int initLimitTicks,
                           int syncLimitTicks, boolean listenOnAllIps) {
    }

    private final Settings settings;
    private final Storage storage;
    private final List<ClientEndpoint> endpoints;
    private final Map<String, Authenticator> authenticators;
    private final Clock clock;
    private final Transport quorumTransport;
    private final Function<LocalPeer, Election> elections;
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Snapshotter snapshotter;
    private TxnLogWriter logWriter;
    private CoreLoop loop;
    private Election election;
    private QuorumTarget target;
    private volatile PeerContext ctx;
    private final ServerMetrics metrics = new ServerMetrics();
    private long startMillis;

    /**
     * @param endpoints where clients connect, the client port first
     * @param elections creates the election, given what it may read of this peer
     */
    public QuorumPeer(Settings settings, Storage storage, List<ClientEndpoint> endpoints,
                      Map<String, Authenticator> authenticators, Clock clock, Transport quorumTransport,
                      Function<LocalPeer, Election> elections) {
        this.settings = settings;
        this.storage = storage;
        this.endpoints = List.copyOf(endpoints);
        this.authenticators = Map.copyOf(authenticators);
        this.clock = clock;
        this.quorumTransport = quorumTransport;
        this.elections = elections;
    }

    public void start() throws StorageException, TransportException, ElectionException {
        ClientService.Settings client = settings.client();
        startMillis = clock.monotonicMillis();
        int maxFieldBytes = 2 * client.maxFrameBytes();
        CommittedLog committed = new CommittedLog(CommittedLog.DEFAULT_CAPACITY);
        DataTree tree = DatabaseLoader.load(storage, maxFieldBytes, Long.MAX_VALUE, committed::add);
        snapshotter = new Snapshotter(() -> ctx.tree, storage, client.snapshots().retainCount(), metrics);
        loop = new CoreLoop(clock, this::fail);
        logWriter = new TxnLogWriter(storage.txnLog(), loop::post, client.snapshots().count(),
                snapshotter::snapshotInBackground, new Random(), metrics);
        CoreSettings coreSettings = ClientService.coreSettings(client, this::clientAddresses);
        ctx = new PeerContext(client.serverId(), settings.servers(), storage, logWriter, snapshotter,
                new TransportLinks(quorumTransport, maxFieldBytes, loop::post),
                coreSettings, authenticators, clock, settings.initLimitTicks(), settings.syncLimitTicks(),
                settings.listenOnAllIps(), maxFieldBytes, client.extendedTypes(), loop::post, tree, committed, metrics);
        if (storage.snapshots().list().isEmpty()) {
            snapshotter.snapshotNow();
        } else {
            snapshotter.noteNewestOnDisk();
        }
        if (!client.snapshots().purgeInterval().isZero()) {
            snapshotter.purgeEvery(client.snapshots().purgeInterval());
        }
        ClientPort port = ClientService.clientPort(client, loop::post, clock);
        ClientService.listen(endpoints, port, listeners);
        PeerStatus status = new PeerStatus(ctx);
        election = elections.apply(status);
        election.start();
        logWriter.start();
        target = new QuorumTarget(ctx, election, status, port::closeSessionless);
        target.start();
        loop.start(target);
    }

    private void fail(Throwable cause) {
        failure.complete(cause);
        listeners.forEach(Listener::close);
    }

    /** The bound client addresses, in the order of the endpoints; empty before they are bound. */
    public List<InetSocketAddress> clientAddresses() {
        return listeners.stream().map(Listener::localAddress).toList();
    }

    /** The server's lifelong figures; readable from any thread. */
    public ServerMetrics metrics() {
        return metrics;
    }

    /**
     * Runs {@code reader} on the driver thread over what a command may read, this member's view
     * of the ensemble included; completes with its result, or exceptionally if it throws.
     */
    public <T> CompletableFuture<T> inspect(Function<Inspection, T> reader) {
        return Inspections.post(loop, () -> target.inspection(clock.monotonicMillis() - startMillis), reader);
    }

    /** Completes if the peer fails and stops serving. */
    public CompletableFuture<Throwable> failure() {
        return failure;
    }

    @Override
    public void close() {
        listeners.forEach(Listener::close);
        if (election != null) {
            election.close();
        }
        if (loop != null) {
            loop.close();
        }
        if (target != null) {
            target.close();
        }
        if (logWriter != null) {
            logWriter.close();
        }
        if (snapshotter != null) {
            snapshotter.close();
        }
    }
}
