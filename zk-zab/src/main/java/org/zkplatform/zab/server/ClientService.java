package org.zkplatform.zab.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.zab.ClientEndpoint;
import org.zkplatform.zab.SnapshotConfig;
import org.zkplatform.zab.auth.Authenticators;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.persistence.DatabaseLoader;
import org.zkplatform.zab.persistence.Snapshotter;
import org.zkplatform.zab.request.RequestPrep;
import org.zkplatform.zab.session.SessionTracker;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.watch.WatchManager;

/**
 * A standalone server's moving parts, wired: the tree loaded from storage, the core and its
 * driver thread, the log thread, and the client ports.
 */
public final class ClientService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientService.class);
    private static final int MAX_OUTSTANDING_PER_CONNECTION = 1000;
    private static final Duration SESSIONLESS_TIMEOUT = Duration.ofSeconds(10);
    private static final long STANDALONE_SESSION_SERVER_ID = 1;

    /**
     * What the service needs from the configuration.
     *
     * @param conf the lines the {@code conf} command prints, given the bound client addresses
     *     (empty before they are bound)
     */
    public record Settings(long serverId, int tickTimeMillis, int minSessionTimeoutMillis, int maxSessionTimeoutMillis,
                           boolean extendedTypes, int maxConnectionsPerIp,
                           int maxFrameBytes, Set<String> fourLetterWords, Duration containerCheckInterval,
                           SnapshotConfig snapshots, Function<List<InetSocketAddress>, List<String>> conf) {
    }

    private final Settings settings;
    private final Storage storage;
    private final List<ClientEndpoint> endpoints;
    private final Map<String, Authenticator> authenticators;
    private final Clock clock;
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    private Snapshotter snapshotter;
    private TxnLogWriter logWriter;
    private CoreLoop loop;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ServerMetrics metrics = new ServerMetrics();
    private long startMillis;
    /** Set by start, then read on the driver thread only (by inspections). */
    private ServerCore core;
    private DataTree tree;

    /** @param endpoints where clients connect, the client port first; all serve the same core */
    public ClientService(Settings settings, Storage storage, List<ClientEndpoint> endpoints,
                         Map<String, Authenticator> authenticators, Clock clock) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no client endpoint");
        }
        this.settings = settings;
        this.storage = storage;
        this.endpoints = List.copyOf(endpoints);
        this.authenticators = Map.copyOf(authenticators);
        this.clock = clock;
    }

    /** Loads the tree, starts the threads, then opens the client ports. */
    public void start() throws StorageException, TransportException {
        // A field of a snapshot may be as long as a request plus ZooKeeper's slack (jute.maxbuffer x 2).
        startMillis = clock.monotonicMillis();
        DataTree tree = DatabaseLoader.load(storage, 2 * settings.maxFrameBytes());
        snapshotter = new Snapshotter(() -> tree, storage, settings.snapshots().retainCount(), metrics);
        if (storage.snapshots().list().isEmpty()) {
            snapshotter.snapshotNow();
        } else {
            snapshotter.noteNewestOnDisk();
        }
        if (!settings.snapshots().purgeInterval().isZero()) {
            snapshotter.purgeEvery(settings.snapshots().purgeInterval());
        }
        // A standalone ZooKeeper numbers its sessions as server 1, whatever its myid.
        SessionTracker sessions = new SessionTracker(STANDALONE_SESSION_SERVER_ID, clock.monotonicMillis(),
                settings.tickTimeMillis());
        long now = clock.monotonicMillis();
        tree.sessions().forEach((id, timeout) -> sessions.addSession(id, timeout, now));
        AclAccess access = new AclAccess(authenticators);
        RequestPrep prep = new RequestPrep(tree, access, sessions::isActive, settings.extendedTypes(), clock);
        CoreSettings coreSettings = coreSettings(settings, this::clientAddresses);
        loop = new CoreLoop(clock, this::fail);
        logWriter = new TxnLogWriter(storage.txnLog(), loop::post, settings.snapshots().count(),
                snapshotter::snapshotInBackground, new Random(), metrics);
        LocalWritePath writes = new LocalWritePath("standalone", tree, sessions, prep, logWriter, coreSettings, clock);
        ServerCore core = new ServerCore(coreSettings, tree, new WatchManager(), writes,
                new Authenticators(authenticators), clock, metrics);
        this.core = core;
        this.tree = tree;
        ClientPort port = clientPort(settings, loop::post, clock);
        logWriter.start();
        loop.start(new StandaloneTarget(core, writes, port::closeSessionless));
        listen(endpoints, port, listeners);
    }

    /** The core's settings; {@code clientAddresses} gives the bound ports for the conf command. */
    public static CoreSettings coreSettings(Settings settings, Supplier<List<InetSocketAddress>> clientAddresses) {
        return new CoreSettings(settings.serverId(), settings.tickTimeMillis(),
                settings.minSessionTimeoutMillis(), settings.maxSessionTimeoutMillis(), settings.fourLetterWords(),
                MAX_OUTSTANDING_PER_CONNECTION, SESSIONLESS_TIMEOUT, settings.containerCheckInterval(),
                () -> settings.conf().apply(clientAddresses.get()));
    }

    /** The handler of client connections, posting to {@code loop}. */
    public static ClientPort clientPort(Settings settings, Consumer<CoreEvent> core, Clock clock) {
        return new ClientPort(settings.maxFrameBytes(), settings.maxConnectionsPerIp(),
                MAX_OUTSTANDING_PER_CONNECTION, SESSIONLESS_TIMEOUT.toMillis(), core, clock);
    }

    /** Opens every endpoint onto {@code port}, adding each listener to {@code listeners} as it opens. */
    public static void listen(List<ClientEndpoint> endpoints, ClientPort port, List<Listener> listeners)
            throws TransportException {
        for (int i = 0; i < endpoints.size(); i++) {
            ClientEndpoint endpoint = endpoints.get(i);
            // Each transport numbers its own connections; the core needs them distinct across listeners.
            ConnectionHandler handler = i == 0 ? port : new ListenerIds(i, port);
            listeners.add(endpoint.transport().listen(endpoint.address(), handler));
        }
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
     * Runs {@code reader} on the driver thread over what a command may read; completes with its
     * result, or exceptionally if it throws (which never stops the core).
     */
    public <T> CompletableFuture<T> inspect(Function<Inspection, T> reader) {
        return Inspections.post(loop, () -> new Inspection(core, tree, "standalone", null, metrics, null,
                clock.monotonicMillis() - startMillis), reader);
    }

    /** Completes if the service fails and stops serving. */
    public CompletableFuture<Throwable> failure() {
        return failure;
    }

    @Override
    public void close() {
        listeners.forEach(Listener::close);
        if (loop != null) {
            loop.close();
        }
        if (logWriter != null) {
            logWriter.close();
        }
        if (snapshotter != null) {
            snapshotter.close();
        }
    }
}
