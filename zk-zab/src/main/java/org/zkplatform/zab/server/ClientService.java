package org.zkplatform.zab.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.zab.SnapshotConfig;
import org.zkplatform.zab.auth.Authenticators;
import org.zkplatform.zab.persistence.DatabaseLoader;
import org.zkplatform.zab.persistence.Snapshotter;
import org.zkplatform.zab.request.RequestPrep;
import org.zkplatform.zab.session.SessionTracker;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.watch.WatchManager;

/**
 * A standalone server's moving parts, wired: the tree loaded from storage, the core and its
 * driver thread, the log thread, and the client port.
 */
public final class ClientService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientService.class);
    private static final int MAX_OUTSTANDING_PER_CONNECTION = 1000;
    private static final Duration SESSIONLESS_TIMEOUT = Duration.ofSeconds(10);
    private static final long STANDALONE_SESSION_SERVER_ID = 1;

    /**
     * What the service needs from the configuration.
     *
     * @param conf the lines the {@code conf} command prints, given the bound client port
     */
    public record Settings(long serverId, int tickTimeMillis, int minSessionTimeoutMillis, int maxSessionTimeoutMillis,
                           boolean extendedTypes, InetSocketAddress address, int maxConnectionsPerIp,
                           int maxFrameBytes, Set<String> fourLetterWords, Duration containerCheckInterval,
                           SnapshotConfig snapshots, java.util.function.IntFunction<List<String>> conf) {
    }

    private final Settings settings;
    private final Storage storage;
    private final Transport transport;
    private final Map<String, Authenticator> authenticators;
    private final Clock clock;
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    private Snapshotter snapshotter;
    private TxnLogWriter logWriter;
    private CoreLoop loop;
    private volatile Listener listener;

    public ClientService(Settings settings, Storage storage, Transport transport,
                         Map<String, Authenticator> authenticators, Clock clock) {
        this.settings = settings;
        this.storage = storage;
        this.transport = transport;
        this.authenticators = Map.copyOf(authenticators);
        this.clock = clock;
    }

    /** Loads the tree, starts the threads, then opens the client port. */
    public void start() throws StorageException, TransportException {
        // A field of a snapshot may be as long as a request plus ZooKeeper's slack (jute.maxbuffer x 2).
        DataTree tree = DatabaseLoader.load(storage, 2 * settings.maxFrameBytes());
        snapshotter = new Snapshotter(tree, storage, settings.snapshots().retainCount());
        if (storage.snapshots().list().isEmpty()) {
            snapshotter.snapshotNow();
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
        CoreSettings coreSettings = new CoreSettings(settings.serverId(), settings.tickTimeMillis(),
                settings.minSessionTimeoutMillis(), settings.maxSessionTimeoutMillis(), settings.fourLetterWords(),
                MAX_OUTSTANDING_PER_CONNECTION, SESSIONLESS_TIMEOUT, settings.containerCheckInterval(),
                () -> settings.conf().apply(listener == null ? 0 : listener.localAddress().getPort()));
        loop = new CoreLoop(clock, this::fail);
        logWriter = new TxnLogWriter(storage.txnLog(), loop::post, settings.snapshots().count(),
                snapshotter::snapshotInBackground, new Random());
        LocalWritePath writes = new LocalWritePath("standalone", tree, sessions, prep, logWriter, coreSettings, clock);
        ServerCore core = new ServerCore(coreSettings, tree, new WatchManager(), writes,
                new Authenticators(authenticators), clock);
        ClientPort port = new ClientPort(settings.maxFrameBytes(), settings.maxConnectionsPerIp(),
                MAX_OUTSTANDING_PER_CONNECTION, SESSIONLESS_TIMEOUT.toMillis(), loop, clock);
        logWriter.start();
        loop.start(new StandaloneTarget(core, writes, port::closeSessionless));
        listener = transport.listen(settings.address(), port);
    }

    private void fail(Throwable cause) {
        failure.complete(cause);
        if (listener != null) {
            listener.close();
        }
    }

    /** The bound client address. */
    public InetSocketAddress clientAddress() {
        return listener.localAddress();
    }

    /** Completes if the service fails and stops serving. */
    public CompletableFuture<Throwable> failure() {
        return failure;
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
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
