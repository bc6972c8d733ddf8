package org.zkplatform.sim;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.ServerId;
import org.zkplatform.api.Settings;
import org.zkplatform.api.election.Election;
import org.zkplatform.api.election.ElectionContext;
import org.zkplatform.api.election.LearnerType;
import org.zkplatform.api.election.LocalPeer;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.storage.EpochStore.EpochKind;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.election.fle.FastElectionProvider;
import org.zkplatform.testkit.linearizability.HistoryRecorder;
import org.zkplatform.testkit.linearizability.ZnodeOp;
import org.zkplatform.testkit.linearizability.ZnodeResult;
import org.zkplatform.zab.quorum.QuorumPorts;
import org.zkplatform.zab.quorum.SimServer;

/**
 * One run of a simulated ensemble from a seed: servers and clients start, faults come and go for
 * {@link SimConfig#chaosMillis()} of virtual time, then the network heals and every server
 * restarts, the clients stop, and the run waits for the ensemble to converge before the final
 * checks. The checks that need the moment (one leader per epoch, one txn per zxid, reply order,
 * watch order) run as it goes; {@link FinalChecks} runs the rest.
 */
public final class Simulation implements SimServer.Host, SimDisk.Observer {

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
    private static final long CONVERGE_WITHIN_MILLIS = 120_000;
    private static final long CLIENTS_STOP_AFTER_HEAL_MILLIS = 5_000;
    private static final long EVENTS_MAX = 20_000_000;
    static final int KEYS = 4;

    final SimWorld world;
    private final SimConfig config;
    private final SimComponents components;
    private final SimSettings settings;
    private final SimClock clock;
    private final SimNetwork network;
    private final QuorumPorts quorumPorts = new QuorumPorts();
    private final List<QuorumServer> servers = new ArrayList<>();
    private final SimDisk[] disks;
    private final SimServer[] members;
    private final boolean[] slowDisk;
    private final Map<Integer, SimTransport.Bound> clientPorts = new HashMap<>();
    private final Map<Integer, SimTransport> transports = new HashMap<>();
    final List<SimClient> clients = new ArrayList<>();
    final HistoryRecorder<ZnodeOp, ZnodeResult> linHistory;
    final HistoryRecorder<ZnodeOp, ZnodeResult> sessionHistory;
    private final List<String> violations = new ArrayList<>();
    private final Map<Long, Integer> leaderOfEpoch = new HashMap<>();
    private final Map<Long, byte[]> txnOfZxid = new HashMap<>();
    private final FaultSchedule faults;
    private boolean healed;
    int crashes;
    int restarts;
    private int diffs;
    private int truncs;
    private int snaps;
    private boolean undecided;

    public Simulation(long seed, SimConfig config) {
        this(seed, config, SimComponents.faithful());
    }

    public Simulation(long seed, SimConfig config, SimComponents components) {
        this.config = config;
        this.components = components;
        this.settings = config.settings();
        int nodes = config.servers() + config.clients();
        this.world = new SimWorld(seed, nodes);
        this.clock = new SimClock(world);
        this.network = components.network().create(world, nodes,
                config.roughNetwork() ? SimNetwork.Faults.ROUGH : SimNetwork.Faults.NONE);
        this.linHistory = new HistoryRecorder<>(world::nowNanos);
        this.sessionHistory = new HistoryRecorder<>(world::nowNanos);
        for (int id = 1; id <= config.servers(); id++) {
            // Literal addresses: resolving them again (as a learner does before it dials) costs no lookup.
            servers.add(new QuorumServer(new ServerId(id),
                    new InetSocketAddress("127.0.0.1", QuorumPorts.QUORUM_PORT_BASE + id),
                    new InetSocketAddress("127.0.0.1", 4000 + id), LearnerType.PARTICIPANT, 1, 0, Optional.empty()));
        }
        this.disks = new SimDisk[config.servers() + 1];
        this.members = new SimServer[config.servers() + 1];
        this.slowDisk = new boolean[config.servers() + 1];
        for (int id = 1; id <= config.servers(); id++) {
            disks[id] = new SimDisk(id, this);
        }
        this.faults = new FaultSchedule(this, world, network, config);
    }

    // ------------------------------------------------------------------ the run

    public SimResult run() {
        for (int id = 1; id <= config.servers(); id++) {
            int server = id;
            world.afterMillis(world.between(0, 300), SimWorld.WORLD, () -> start(server));
        }
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add("/k" + k);
        }
        for (int c = 0; c < config.clients(); c++) {
            SimClient client = new SimClient(this, config.servers() + 1 + c, c, keys, linHistory, sessionHistory);
            clients.add(client);
            world.afterMillis(world.between(200, 800), client.node, client::start);
        }
        faults.plan();
        long healAt = config.chaosMillis();
        world.afterMillis(healAt, SimWorld.WORLD, this::heal);
        world.afterMillis(healAt + CLIENTS_STOP_AFTER_HEAL_MILLIS, SimWorld.WORLD,
                () -> clients.forEach(SimClient::stop));
        long deadline = (healAt + CLIENTS_STOP_AFTER_HEAL_MILLIS + CONVERGE_WITHIN_MILLIS) * SimWorld.NANOS_PER_MILLI;
        long convergedAt = -1;
        long nextCheck = (healAt + CLIENTS_STOP_AFTER_HEAL_MILLIS) * SimWorld.NANOS_PER_MILLI;
        // Each pass runs one task; bounded by the deadline in virtual time and by EVENTS_MAX.
        while (world.nowNanos() < deadline && world.executed() < EVENTS_MAX) {
            boolean ran = world.step(Math.min(deadline, nextCheck));
            if (!ran && world.nowNanos() >= nextCheck) {
                nextCheck += 500 * SimWorld.NANOS_PER_MILLI;
                if (convergedAt < 0 && converged()) {
                    convergedAt = world.nowNanos();
                    // Let the last answers, pings and watch events arrive.
                    deadline = convergedAt + 3_000 * SimWorld.NANOS_PER_MILLI;
                }
            }
        }
        if (world.executed() >= EVENTS_MAX) {
            violation("the run did not finish within " + EVENTS_MAX + " events");
        } else if (convergedAt < 0) {
            violation("the ensemble did not converge within " + CONVERGE_WITHIN_MILLIS / 1000
                    + " s of healing: " + describeServers());
        } else {
            clients.forEach(SimClient::finish);
            new FinalChecks(this).run();
        }
        world.mix(violations.size());
        return new SimResult(world.seed, config, violations, world.fingerprint(), world.executed(), world.nowMillis(),
                "crashes " + crashes + ", txns lost to crashes " + lostTxns() + ", epochs " + leaderOfEpoch.size()
                        + ", syncs by DIFF/TRUNC/SNAP " + diffs + "/" + truncs + "/" + snaps
                        + ", operations " + linHistory.history().size() + (undecided ? " (linearizability undecided)" : ""));
    }

    private long lostTxns() {
        long lost = 0;
        for (int id = 1; id <= config.servers(); id++) {
            lost += disks[id].lostTxns();
        }
        return lost;
    }

    private void start(int id) {
        if (members[id] != null && members[id].isUp()) {
            return;
        }
        SimServer server = new SimServer(id, this);
        members[id] = server;
        try {
            server.start();
        } catch (Exception e) {
            violation("server " + id + " could not start: " + e);
            server.crash();
            world.crash(id);
        }
    }

    /** Kills server {@code id}: its tasks vanish, its connections reset, its disk loses what was not fsynced. */
    void crash(int id) {
        SimServer server = members[id];
        if (server == null || !server.isUp()) {
            return;
        }
        crashes++;
        server.crash();
        world.crash(id);
        for (SimChannel channel : network.channelsOf(id)) {
            channel.resetFrom(id, "connection reset: server " + id + " died");
        }
        disks[id].crash(world);
        LOG.debug("t={} crashed server {}", world.nowMillis(), id);
    }

    void restart(int id) {
        if (members[id] == null || !members[id].isUp()) {
            restarts++;
            start(id);
        }
    }

    private void heal() {
        healed = true;
        faults.stop();
        network.healAll();
        network.faults(SimNetwork.Faults.NONE);
        java.util.Arrays.fill(slowDisk, false);
        for (int id = 1; id <= config.servers(); id++) {
            restart(id);
        }
    }

    boolean healed() {
        return healed;
    }

    /** One leader followed by every other server, all at one zxid, and every client done. */
    private boolean converged() {
        int leaders = 0;
        long zxid = -1;
        for (int id = 1; id <= config.servers(); id++) {
            SimServer server = members[id];
            if (server == null || !server.isUp() || world.isFrozen(id)) {
                return false;
            }
            PeerState state = server.state();
            if (state == PeerState.LEADING) {
                leaders++;
            } else if (state != PeerState.FOLLOWING) {
                return false;
            }
            if (zxid >= 0 && server.lastZxid() != zxid) {
                return false;
            }
            zxid = server.lastZxid();
        }
        if (leaders != 1) {
            return false;
        }
        for (SimClient client : clients) {
            if (!client.idle()) {
                return false;
            }
        }
        return true;
    }

    String describeServers() {
        StringBuilder out = new StringBuilder();
        for (int id = 1; id <= config.servers(); id++) {
            SimServer server = members[id];
            out.append(id).append('=');
            if (server == null || !server.isUp()) {
                out.append("down ");
            } else {
                out.append(server.state()).append("@0x").append(Long.toHexString(server.lastZxid())).append('/')
                        .append(server.currentEpoch()).append(' ');
            }
        }
        return out.toString().trim();
    }

    // ------------------------------------------------------------------ scripted faults, for scenario tests

    /** Runs {@code action} {@code millis} from now (from the start, before the run), as a fault of the run's own. */
    public void at(long millis, Runnable action) {
        world.afterMillis(millis, SimWorld.WORLD, action);
    }

    /** Also shows every quorum packet to {@code script}, after the fault schedule. */
    public void watch(SimNetwork.PacketWatcher script) {
        network.watch(new SimNetwork.PacketWatcher() {
            @Override
            public void sent(int from, int to, int type) {
                faults.sent(from, to, type);
                script.sent(from, to, type);
            }

            @Override
            public void delivered(int from, int to, int type, long zxid) {
                faults.delivered(from, to, type, zxid);
                script.delivered(from, to, type, zxid);
            }
        });
    }

    public SimNetwork net() {
        return network;
    }

    public SimServer server(int id) {
        return members[id];
    }

    public void crashServer(int id) {
        crash(id);
    }

    public void restartServer(int id) {
        restart(id);
    }

    // ------------------------------------------------------------------ checks as the run goes

    public void violation(String what) {
        String line = "t=" + world.nowMillis() + "ms " + what;
        if (!violations.contains(line) && violations.size() < 50) {
            violations.add(line);
            LOG.debug("VIOLATION {}", line);
        }
    }

    /** The linearizability check ran out of budget on some key: neither a pass nor a failure. */
    void linearizabilityUndecided() {
        undecided = true;
    }

    /** A learner received a packet of {@code type}: counts the kinds of sync the run went through. */
    void syncSeen(int type) {
        switch (type) {
            case org.zkplatform.zab.proto.QuorumPacketType.DIFF -> diffs++;
            case org.zkplatform.zab.proto.QuorumPacketType.TRUNC -> truncs++;
            case org.zkplatform.zab.proto.QuorumPacketType.SNAP -> snaps++;
            default -> { }
        }
    }

    void note(String what) {
        LOG.debug("t={} {}", world.nowMillis(), what);
    }

    List<String> violations() {
        return violations;
    }

    @Override
    public void appended(int server, long zxid, byte[] bytes) {
        byte[] known = txnOfZxid.putIfAbsent(zxid, bytes.clone());
        if (known != null && !java.util.Arrays.equals(known, bytes)) {
            violation("zxid 0x" + Long.toHexString(zxid) + " names two different txns (server " + server
                    + " logged one that differs from the one logged before)");
        }
        world.mix(zxid);
    }

    @Override
    public void epochWritten(int server, EpochKind kind, long epoch) {
        SimServer member = members[server];
        if (kind == EpochKind.CURRENT && member != null && member.isUp() && member.state() == PeerState.LEADING) {
            Integer other = leaderOfEpoch.putIfAbsent(epoch, server);
            if (other != null && other != server) {
                violation("two leaders established epoch " + epoch + ": servers " + other + " and " + server);
            }
        }
    }

    @Override
    public boolean crashDuringFsync(int server) {
        if (members[server] == null || !members[server].isUp() || !faults.crashDuringFsync(server)) {
            return false;
        }
        crash(server);
        world.afterMillis(world.between(100, 2_000), SimWorld.WORLD, () -> restart(server));
        return true;
    }

    // ------------------------------------------------------------------ what servers and clients are given

    SimServer member(int id) {
        return members[id];
    }

    int serverCount() {
        return config.servers();
    }

    SimConfig config() {
        return config;
    }

    SimTransport transportOf(int node) {
        return transports.computeIfAbsent(node, n -> new SimTransport(network, clientPorts, n));
    }

    void slowDisk(int id, boolean slow) {
        slowDisk[id] = slow;
    }

    @Override
    public SimWorld world() {
        return world;
    }

    @Override
    public SimNetwork network() {
        return network;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public SimSettings settings() {
        return settings;
    }

    @Override
    public QuorumPorts quorumPorts() {
        return quorumPorts;
    }

    @Override
    public List<QuorumServer> servers() {
        return servers;
    }

    @Override
    public Storage openStorage(int id) {
        return components.storage().open(disks[id]);
    }

    @Override
    public Executor logExecutor(int id) {
        // An fsync: a fraction of a millisecond to a few on a good disk, hundreds on a slow one.
        return new SimExecutor(world, id, () -> slowDisk[id]
                ? world.between(50_000, 400_000) * 1_000L
                : world.between(200, 3_000) * 1_000L);
    }

    @Override
    public Executor snapshotExecutor(int id) {
        return new SimExecutor(world, id, () -> world.between(1_000, 20_000) * 1_000L);
    }

    @Override
    public Transport clientTransport(int id) {
        return transportOf(id);
    }

    /** The production Fast Leader Election, through its provider: its connections on this node's transport, its driver and timers on this node's scheduler. */
    @Override
    public Election election(int id, LocalPeer peer) {
        return new FastElectionProvider().create(Settings.empty(), new ElectionContext(new ServerId(id), servers,
                transportOf(id), new SimScheduler(world, id, clock), peer));
    }

    @Override
    public void failed(int id, Throwable cause) {
        violation("server " + id + "'s core failed: " + cause);
        crash(id);
        world.afterMillis(1_000, SimWorld.WORLD, () -> restart(id));
    }
}
