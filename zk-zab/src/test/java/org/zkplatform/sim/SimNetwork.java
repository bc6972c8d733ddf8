package org.zkplatform.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The network between the nodes of a run: servers are nodes 1..n, clients the nodes after them.
 * Links can be cut in one direction or both ({@link #block}). Every connection (election, quorum
 * link, client) is a {@link SimChannel}: in order, delayed, stalled while cut, lost with what it
 * had in flight when reset, as TCP is; connections overtake each other freely.
 */
public class SimNetwork {

    /**
     * How the network misbehaves: one-way delays spread between a minimum and a maximum, and now
     * and then a slow packet (10 to 300 ms more), which holds up what follows it on its connection.
     */
    record Faults(long minDelayMicros, long maxDelayMicros, double slowPacket) {

        static final Faults NONE = new Faults(100, 2_000, 0);
        static final Faults ROUGH = new Faults(100, 5_000, 0.02);
    }

    /** Sees quorum packets go by, for faults that strike at a chosen moment of the protocol. */
    public interface PacketWatcher {
        void sent(int from, int to, int type);

        /** @param zxid the zxid the packet carries */
        void delivered(int from, int to, int type, long zxid);
    }

    final SimWorld world;
    private PacketWatcher watcher = new PacketWatcher() {
        @Override
        public void sent(int from, int to, int type) {
        }

        @Override
        public void delivered(int from, int to, int type, long zxid) {
        }
    };
    private final boolean[][] blocked;
    private Faults faults;
    private final List<SimChannel> channels = new ArrayList<>();

    SimNetwork(SimWorld world, int nodes, Faults faults) {
        this.world = world;
        this.blocked = new boolean[nodes + 1][nodes + 1];
        this.faults = faults;
    }

    void faults(Faults faults) {
        this.faults = faults;
    }

    void watch(PacketWatcher watcher) {
        this.watcher = watcher;
    }

    /** A quorum packet of {@code type} left {@code from} for {@code to}. */
    public void quorumSent(int from, int to, int type) {
        watcher.sent(from, to, type);
    }

    /** A quorum packet of {@code type} from {@code from} reached {@code to}, which is about to read it. */
    public void quorumDelivered(int from, int to, int type, long zxid) {
        watcher.delivered(from, to, type, zxid);
    }

    /** Cuts the link from {@code from} to {@code to}: nothing sent that way arrives until {@link #unblock}. */
    void block(int from, int to) {
        blocked[from][to] = true;
    }

    void unblock(int from, int to) {
        blocked[from][to] = false;
    }

    void healAll() {
        for (boolean[] row : blocked) {
            java.util.Arrays.fill(row, false);
        }
    }

    public boolean canSend(int from, int to) {
        return !blocked[from][to];
    }

    boolean isHealed() {
        for (boolean[] row : blocked) {
            for (boolean cut : row) {
                if (cut) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A one-way latency, with now and then a much slower packet (a retransmission, a queue). */
    public long delayNanos() {
        return delayNanos(world.random);
    }

    /**
     * The same drawn from {@code random}: each channel draws from its own, so the order in which a
     * server flushes its connections (which can follow identity hash codes) never shifts another's draws.
     */
    long delayNanos(java.util.Random random) {
        long nanos = faults.minDelayMicros() * 1_000L
                + (long) (random.nextDouble() * (faults.maxDelayMicros() - faults.minDelayMicros()) * 1_000L);
        if (faults.slowPacket() > 0 && random.nextDouble() < faults.slowPacket()) {
            nanos += 10_000_000L + (long) (random.nextDouble() * 290_000_000L);
        }
        return nanos;
    }

    /** Opens a channel between two nodes (the caller checked the peer listens). */
    public SimChannel open(String kind, int nodeA, int ownerA, int nodeB, int ownerB) {
        SimChannel channel = new SimChannel(this, kind, nodeA, ownerA, nodeB, ownerB);
        channels.removeIf(SimChannel::isClosed);
        channels.add(channel);
        opened(channel);
        return channel;
    }

    /** A channel was opened and its ends attached by the time a task runs; a faulty network may act on it. */
    void opened(SimChannel channel) {
    }

    /** Every open channel with an end at {@code node}: a crash resets them. */
    List<SimChannel> channelsOf(int node) {
        List<SimChannel> of = new ArrayList<>();
        for (SimChannel channel : channels) {
            if (!channel.isClosed() && (channel.nodeA == node || channel.nodeB == node)) {
                of.add(channel);
            }
        }
        return of;
    }

    /**
     * What becomes of bytes in flight on a channel that closed before they arrived: dropped, as TCP
     * does. A faulty network may do otherwise.
     */
    void undelivered(SimChannel channel, int toNode, byte[] chunk) {
    }

    /** The open channels of {@code kind} to {@code node}, newest last. */
    List<SimChannel> openChannels(String kind, int node) {
        List<SimChannel> open = new ArrayList<>();
        for (SimChannel channel : channels) {
            if (!channel.isClosed() && channel.kind.equals(kind) && (channel.nodeA == node || channel.nodeB == node)) {
                open.add(channel);
            }
        }
        return open;
    }
}
