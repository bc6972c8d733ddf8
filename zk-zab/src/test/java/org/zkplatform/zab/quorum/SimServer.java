package org.zkplatform.zab.quorum;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executor;
import org.zkplatform.api.election.Election;
import org.zkplatform.api.election.LocalPeer;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.sim.SimDriver;
import org.zkplatform.sim.SimNetwork;
import org.zkplatform.sim.SimSettings;
import org.zkplatform.sim.SimWorld;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.persistence.DatabaseLoader;
import org.zkplatform.zab.persistence.Snapshotter;
import org.zkplatform.zab.server.ClientPort;
import org.zkplatform.zab.server.CoreSettings;
import org.zkplatform.zab.server.TxnLogWriter;
import org.zkplatform.zab.tree.DataTree;

/**
 * One simulated server: the production classes of a quorum peer (the roles, {@link PeerContext},
 * {@link QuorumTarget}, the txn log writer, the snapshotter, the client port and everything behind
 * them) wired as {@link QuorumPeer#start()} wires them, with the world's tasks in place of threads:
 * a {@link SimDriver} for the core loop, executors on the world's queue for the log and snapshot
 * threads, {@link SimLinks} for the quorum links, and the host's election and client transport.
 */
public final class SimServer {

    /** What the simulation gives a server. */
    public interface Host {
        SimWorld world();

        SimNetwork network();

        Clock clock();

        SimSettings settings();

        QuorumPorts quorumPorts();

        List<QuorumServer> servers();

        /** The server's storage, opened anew at each start over a disk that outlives crashes. */
        Storage openStorage(int id) throws Exception;

        /** The log thread: one fsync per pass, taking as long as the server's disk does now. */
        Executor logExecutor(int id);

        Executor snapshotExecutor(int id);

        Transport clientTransport(int id);

        Election election(int id, LocalPeer peer);

        /** The server's core failed and it stopped serving. */
        void failed(int id, Throwable cause);
    }

    private final int id;
    private final Host host;
    private SimDriver driver;
    private PeerContext ctx;
    private PeerStatus status;
    private Election election;
    private Listener clientListener;
    private boolean up;

    public SimServer(int id, Host host) {
        this.id = id;
        this.host = host;
    }

    /** Starts as {@link QuorumPeer#start()} does: load, open the client port, start election, look for a leader. */
    public void start() throws Exception {
        SimSettings settings = host.settings();
        Storage storage = host.openStorage(id);
        int maxFieldBytes = 2 * settings.maxFrameBytes();
        CommittedLog committed = new CommittedLog(CommittedLog.DEFAULT_CAPACITY);
        DataTree tree = DatabaseLoader.load(storage, maxFieldBytes, Long.MAX_VALUE, committed::add);
        driver = new SimDriver(host.world(), id, cause -> host.failed(id, cause));
        PeerContext[] self = new PeerContext[1];
        ServerMetrics metrics = new ServerMetrics();
        Snapshotter snapshotter = new Snapshotter(() -> self[0].tree, storage, 3, metrics, host.snapshotExecutor(id));
        TxnLogWriter log = new TxnLogWriter(storage.txnLog(), driver::post, settings.snapCount(),
                snapshotter::snapshotInBackground, new Random(host.world().random.nextLong()), metrics,
                host.logExecutor(id));
        CoreSettings core = new CoreSettings(id, settings.tickMillis(), settings.minSessionMillis(),
                settings.maxSessionMillis(), Set.of("*"), 1000, Duration.ofSeconds(10), Duration.ofMinutes(1), List::of);
        SimLinks links = new SimLinks(host.world(), host.network(), host.quorumPorts(), id, maxFieldBytes, driver::post);
        ctx = new PeerContext(id, host.servers(), storage, log, snapshotter, links, core, Map.of(), host.clock(),
                settings.initLimitTicks(), settings.syncLimitTicks(), false, maxFieldBytes, false, driver::post, tree,
                committed, metrics);
        self[0] = ctx;
        if (storage.snapshots().list().isEmpty()) {
            snapshotter.snapshotNow();
        }
        ClientPort port = new ClientPort(settings.maxFrameBytes(), 0, 1000, 10_000, driver::post, host.clock());
        clientListener = host.clientTransport(id).listen(clientAddress(id), port);
        status = new PeerStatus(ctx);
        election = host.election(id, status);
        election.start();
        log.start();
        QuorumTarget target = new QuorumTarget(ctx, election, status, port::closeSessionless);
        target.start();
        driver.start(target);
        up = true;
    }

    /** Where server {@code id} takes clients. */
    public static InetSocketAddress clientAddress(int id) {
        return new InetSocketAddress("127.0.0.1", 2000 + id);
    }

    /** The process dies: nothing of it runs again (the world drops its tasks); its disk stays. */
    public void crash() {
        up = false;
        if (driver != null) {
            driver.stop();
        }
        if (clientListener != null) {
            clientListener.close();
        }
        if (election != null) {
            election.close();
        }
        host.quorumPorts().crashed(id);
    }

    public boolean isUp() {
        return up;
    }

    public PeerState state() {
        return status == null ? PeerState.LOOKING : status.state();
    }

    public long currentEpoch() {
        return ctx.currentEpoch();
    }

    public long acceptedEpoch() {
        return ctx.acceptedEpoch();
    }

    public DataTree tree() {
        return ctx.tree;
    }

    public long lastZxid() {
        return ctx.tree.lastProcessedZxid();
    }

    public int id() {
        return id;
    }
}
