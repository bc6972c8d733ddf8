package org.zkplatform.sim;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A TCP connection between two nodes: chunks of bytes arrive in order, each direction stalls while
 * the network cuts it (and resumes when it heals), and a close arrives after the bytes written
 * before it. A reset ({@link #reset}) loses what is in flight. Each end's events run as tasks of
 * its owner, so they stop with a crash and wait out a pause.
 */
public final class SimChannel {

    /** One end's view of what arrives. */
    public interface End {
        void received(byte[] chunk);

        /** The connection is gone; nothing more arrives. */
        void closed(String reason);
    }

    private static final long STALL_RETRY_NANOS = 20 * SimWorld.NANOS_PER_MILLI;
    private static final byte[] CLOSE = new byte[0];

    private final SimNetwork network;
    private final java.util.Random random;
    final String kind;
    final int nodeA;
    final int nodeB;
    private final Direction toA;
    private final Direction toB;
    private boolean closed;

    private record Pending(byte[] chunk, long readyAtNanos, String reason) {
    }

    /** The bytes travelling toward one end. */
    private final class Direction {
        final int from;
        final int to;
        final int owner;
        final Deque<Pending> inFlight = new ArrayDeque<>();
        End end;
        boolean endClosed;
        /** The connection was reset while the network kept the news from this end: it hears of it when it next sends. */
        boolean resetUnheard;
        boolean pumping;
        long lastReadyNanos;

        Direction(int from, int to, int owner) {
            this.from = from;
            this.to = to;
            this.owner = owner;
        }

        void add(byte[] chunk, String reason) {
            long ready = Math.max(lastReadyNanos, network.world.nowNanos() + network.delayNanos(random));
            lastReadyNanos = ready;
            inFlight.add(new Pending(chunk, ready, reason));
            pump(0);
        }

        void pump(long delayNanos) {
            if (pumping || inFlight.isEmpty()) {
                return;
            }
            pumping = true;
            long wait = Math.max(delayNanos, inFlight.peek().readyAtNanos() - network.world.nowNanos());
            network.world.at(wait, owner, this::deliverHead);
        }

        void deliverHead() {
            pumping = false;
            if (endClosed || inFlight.isEmpty()) {
                return;
            }
            if (!network.canSend(from, to)) {
                pump(STALL_RETRY_NANOS);
                return;
            }
            Pending head = inFlight.peek();
            if (head.readyAtNanos() > network.world.nowNanos()) {
                pump(0);
                return;
            }
            inFlight.poll();
            if (head.chunk() == CLOSE) {
                endClosed = true;
                inFlight.clear();
                end.closed(head.reason());
                return;
            }
            end.received(head.chunk());
            pump(0);
        }

        /** The end goes away at once: what was in flight to it is not delivered. */
        void drop() {
            endClosed = true;
            for (Pending pending : inFlight) {
                if (pending.chunk() != CLOSE) {
                    network.undelivered(SimChannel.this, to, pending.chunk());
                }
            }
            inFlight.clear();
        }
    }

    SimChannel(SimNetwork network, String kind, int nodeA, int ownerA, int nodeB, int ownerB) {
        this.network = network;
        this.random = new java.util.Random(network.world.random.nextLong());
        this.kind = kind;
        this.nodeA = nodeA;
        this.nodeB = nodeB;
        this.toA = new Direction(nodeB, nodeA, ownerA);
        this.toB = new Direction(nodeA, nodeB, ownerB);
    }

    /** Names who receives at each end; before anything is sent. */
    public void attach(End a, End b) {
        toA.end = a;
        toB.end = b;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Delivers {@code chunk} to the end at {@code node} as if its peer had just sent it (for faulty networks). */
    void inject(int node, byte[] chunk) {
        Direction way = node == nodeA ? toA : toB;
        if (!closed && !way.endClosed) {
            way.add(chunk, null);
        }
    }

    int nodeA() {
        return nodeA;
    }

    /**
     * Sends from the end at {@code node}. On a connection reset behind a cut, this is how the end
     * finds out, as with TCP: the peer answers the segment with a reset once the network lets it.
     */
    public void send(int node, byte[] chunk) {
        Direction way = node == nodeA ? toB : toA;
        if (!closed && !way.endClosed) {
            way.add(chunk, null);
            return;
        }
        Direction mine = node == nodeA ? toA : toB;
        if (mine.resetUnheard && network.canSend(way.from, way.to) && network.canSend(mine.from, mine.to)) {
            mine.resetUnheard = false;
            End end = mine.end;
            network.world.at(2 * network.delayNanos(random), mine.owner, () -> end.closed("connection reset by peer"));
        }
    }

    /**
     * The end at {@code node} closes: the other end hears of it after the bytes sent before, and
     * nothing more is delivered to this end.
     */
    public void close(int node, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        Direction mine = node == nodeA ? toA : toB;
        Direction theirs = node == nodeA ? toB : toA;
        mine.drop();
        if (!theirs.endClosed) {
            theirs.add(CLOSE, reason);
        }
    }

    /**
     * The connection breaks (a crash, a reset): both ends hear of it after a delay where the
     * network lets the news through, and what was in flight is lost. An end behind a cut hears
     * nothing and must find out by its own timeouts, as with a real partition.
     */
    public void reset(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        for (Direction way : new Direction[] {toA, toB}) {
            way.drop();
            if (network.canSend(way.from, way.to)) {
                End end = way.end;
                network.world.at(network.delayNanos(random), way.owner, () -> end.closed(reason));
            } else {
                way.resetUnheard = true;
            }
        }
    }

    /** Resets only the end at {@code node}'s peer: used when the node itself died and runs nothing more. */
    void resetFrom(int deadNode, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        Direction dead = deadNode == nodeA ? toA : toB;
        Direction alive = deadNode == nodeA ? toB : toA;
        dead.drop();
        alive.drop();
        if (network.canSend(alive.from, alive.to)) {
            End end = alive.end;
            network.world.at(network.delayNanos(random), alive.owner, () -> end.closed(reason));
        } else {
            alive.resetUnheard = true;
        }
    }
}
