package org.zkplatform.sim;

import java.util.ArrayList;
import java.util.List;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.zab.proto.QuorumPacketType;
import org.zkplatform.zab.quorum.SimServer;

/**
 * The faults of a run, drawn from the seed: every few hundred milliseconds of the chaos period one
 * of the faults the configuration allows. Some strike at once (a crash, a cut, a pause); three wait
 * for a moment of the protocol: a leader is cut off right after it sends a proposal, a learner
 * dies in the middle of its sync (on the DIFF, TRUNC, SNAP or NEWLEADER it receives), and a sync's
 * stream stalls after an uncommitted proposal and before NEWLEADER.
 */
final class FaultSchedule implements SimNetwork.PacketWatcher {

    private enum Fault { CRASH, CRASH_IN_SYNC, CRASH_IN_FSYNC, STALL_SYNC, SPLIT, ONE_WAY, ISOLATE_LEADER_ON_PROPOSAL, RESET, PAUSE, SLOW_DISK }

    private final Simulation run;
    private final SimWorld world;
    private final SimNetwork network;
    private final SimConfig config;
    private final List<Fault> allowed = new ArrayList<>();
    private boolean stopped;
    private boolean isolateOnProposal;
    private boolean crashInSync;
    private boolean crashInFsync;
    private boolean stallSync;
    /** Learners that got the start of a sync (DIFF, TRUNC, SNAP) and not yet its NEWLEADER, by leader. */
    private final java.util.Map<Integer, Integer> syncingFrom = new java.util.HashMap<>();

    FaultSchedule(Simulation run, SimWorld world, SimNetwork network, SimConfig config) {
        this.run = run;
        this.world = world;
        this.network = network;
        this.config = config;
        if (config.crashes()) {
            allowed.add(Fault.CRASH);
            allowed.add(Fault.CRASH);
            allowed.add(Fault.CRASH_IN_SYNC);
            allowed.add(Fault.CRASH_IN_FSYNC);
        }
        if (config.partitions()) {
            allowed.add(Fault.SPLIT);
            allowed.add(Fault.ONE_WAY);
            allowed.add(Fault.ISOLATE_LEADER_ON_PROPOSAL);
            allowed.add(Fault.STALL_SYNC);
            allowed.add(Fault.RESET);
        }
        if (config.pauses()) {
            allowed.add(Fault.PAUSE);
        }
        if (config.slowDisks()) {
            allowed.add(Fault.SLOW_DISK);
        }
        network.watch(this);
    }

    /** Queues the faults of the chaos period. */
    void plan() {
        if (allowed.isEmpty()) {
            return;
        }
        // Bounded by the chaos period: every step moves at least 300 ms on.
        for (long at = 1_500; at < config.chaosMillis(); at += world.between(300, 2_000)) {
            world.afterMillis(at, SimWorld.WORLD, this::strike);
        }
    }

    void stop() {
        stopped = true;
        isolateOnProposal = false;
        crashInSync = false;
        crashInFsync = false;
        stallSync = false;
    }

    /**
     * A sync's stream stalls just after an uncommitted proposal reaches the learner and before
     * NEWLEADER does: the learner holds the new epoch's txns while its current epoch is the old one.
     */
    private void stallInSync(int from, int to, int type, long zxid) {
        if (type == QuorumPacketType.DIFF || type == QuorumPacketType.TRUNC || type == QuorumPacketType.SNAP) {
            syncingFrom.put(to, from);
        } else if (type == QuorumPacketType.NEWLEADER) {
            syncingFrom.remove(to);
        } else if (type == QuorumPacketType.PROPOSAL && stallSync && !stopped
                && Integer.valueOf(from).equals(syncingFrom.get(to))) {
            SimServer leader = run.member(from);
            if (leader != null && leader.isUp() && zxid > leader.lastZxid()) {
                stallSync = false;
                run.note("fault: stall the sync of server " + to + " from leader " + from);
                network.block(from, to);
                world.afterMillis(world.between(300, 4_000), SimWorld.WORLD, () -> network.unblock(from, to));
            }
        }
    }

    /** Whether the power of {@code server} goes during the fsync it is doing now (once per arming). */
    boolean crashDuringFsync(int server) {
        if (!crashInFsync || stopped) {
            return false;
        }
        crashInFsync = false;
        run.note("fault: crash server " + server + " during an fsync");
        return true;
    }

    private int anyServer() {
        return 1 + (int) world.between(0, config.servers() - 1);
    }

    private void strike() {
        if (stopped) {
            return;
        }
        Fault fault = allowed.get((int) world.between(0, allowed.size() - 1));
        switch (fault) {
            case CRASH -> {
                int id = anyServer();
                run.note("fault: crash server " + id);
                run.crash(id);
                world.afterMillis(world.between(100, 3_000), SimWorld.WORLD, () -> run.restart(id));
            }
            case CRASH_IN_SYNC -> crashInSync = true;
            case CRASH_IN_FSYNC -> crashInFsync = true;
            case STALL_SYNC -> stallSync = true;
            case SPLIT -> split();
            case ONE_WAY -> {
                int from = anyServer();
                int to = anyServer();
                if (from != to) {
                    run.note("fault: cut " + from + " -> " + to);
                    network.block(from, to);
                    world.afterMillis(world.between(500, 5_000), SimWorld.WORLD, () -> network.unblock(from, to));
                }
            }
            case ISOLATE_LEADER_ON_PROPOSAL -> isolateOnProposal = true;
            case RESET -> {
                List<SimChannel> open = network.channelsOf(anyServer());
                if (!open.isEmpty()) {
                    run.note("fault: reset a connection");
                    open.get((int) world.between(0, open.size() - 1)).reset("connection reset by the network");
                }
            }
            case PAUSE -> {
                int id = anyServer();
                long millis = world.between(300, 6_000);
                run.note("fault: pause server " + id + " for " + millis + " ms");
                world.freeze(id, millis);
            }
            case SLOW_DISK -> {
                int id = anyServer();
                run.note("fault: slow disk on server " + id);
                run.slowDisk(id, true);
                world.afterMillis(world.between(500, 5_000), SimWorld.WORLD, () -> run.slowDisk(id, false));
            }
            default -> throw new IllegalStateException(fault.toString());
        }
    }

    /** Splits every node (servers and clients) into two sides, cut from each other both ways, for a while. */
    private void split() {
        int nodes = config.servers() + config.clients();
        boolean[] left = new boolean[nodes + 1];
        for (int node = 1; node <= nodes; node++) {
            left[node] = world.chance(0.5);
        }
        run.note("fault: split " + java.util.Arrays.toString(left));
        cut(left, nodes, true);
        world.afterMillis(world.between(500, 6_000), SimWorld.WORLD, () -> cut(left, nodes, false));
    }

    private void cut(boolean[] left, int nodes, boolean block) {
        for (int a = 1; a <= nodes; a++) {
            for (int b = 1; b <= nodes; b++) {
                if (left[a] != left[b]) {
                    if (block) {
                        network.block(a, b);
                    } else {
                        network.unblock(a, b);
                    }
                }
            }
        }
    }

    private void isolate(int id, boolean block) {
        int nodes = config.servers() + config.clients();
        for (int other = 1; other <= nodes; other++) {
            if (other != id) {
                if (block) {
                    network.block(id, other);
                    network.block(other, id);
                } else {
                    network.unblock(id, other);
                    network.unblock(other, id);
                }
            }
        }
    }

    @Override
    public void sent(int from, int to, int type) {
        if (!isolateOnProposal || stopped || type != QuorumPacketType.PROPOSAL) {
            return;
        }
        SimServer server = run.member(from);
        if (server != null && server.isUp() && server.state() == PeerState.LEADING) {
            isolateOnProposal = false;
            run.note("fault: isolate leader " + from + " just after it proposed");
            isolate(from, true);
            world.afterMillis(world.between(1_000, 6_000), SimWorld.WORLD, () -> isolate(from, false));
        }
    }

    @Override
    public void delivered(int from, int to, int type, long zxid) {
        run.syncSeen(type);
        stallInSync(from, to, type, zxid);
        if (!crashInSync || stopped) {
            return;
        }
        if (type == QuorumPacketType.DIFF || type == QuorumPacketType.TRUNC || type == QuorumPacketType.SNAP
                || type == QuorumPacketType.NEWLEADER) {
            crashInSync = false;
            run.note("fault: crash server " + to + " in its sync (packet type " + type + ")");
            long after = world.chance(0.5) ? 0 : world.between(0, 30) * SimWorld.NANOS_PER_MILLI;
            world.at(after, SimWorld.WORLD, () -> run.crash(to));
            world.afterMillis(world.between(200, 2_000), SimWorld.WORLD, () -> run.restart(to));
        }
    }
}
