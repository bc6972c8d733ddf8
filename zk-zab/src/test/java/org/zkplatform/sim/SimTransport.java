package org.zkplatform.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.PeerIdentity;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;

/**
 * The transport SPI on the simulated network: one per node. Server N takes clients on port 2000+N
 * and election connections on port 4000+N; a port names its node. Callbacks run as tasks of the
 * node that receives them, in order per connection.
 */
final class SimTransport implements Transport {

    private final SimNetwork network;
    private final Map<Integer, Bound> listeners;
    private final int node;
    private long nextConnectionId;

    /** A node listening for clients, and what handles its connections. */
    record Bound(int node, ConnectionHandler handler) {
    }

    /** @param listeners the run's listening ports, shared by every node's transport */
    SimTransport(SimNetwork network, Map<Integer, Bound> listeners, int node) {
        this.network = network;
        this.listeners = listeners;
        this.node = node;
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public Listener listen(InetSocketAddress address, ConnectionHandler handler) throws TransportException {
        Bound bound = new Bound(node, handler);
        int port = address.getPort();
        if (listeners.putIfAbsent(port, bound) != null) {
            throw new TransportException("port " + address.getPort() + " on " + address.getHostString() + " is already in use");
        }
        return new Listener() {
            @Override
            public InetSocketAddress localAddress() {
                return address;
            }

            @Override
            public void close() {
                listeners.remove(port, bound);
            }
        };
    }

    @Override
    public CompletionStage<Connection> connect(InetSocketAddress address, Duration timeout, ConnectionHandler handler) {
        int port = address.getPort();
        int server = port % 1000;
        String kind = port >= 4000 ? "election" : "client";
        CompletableFuture<Connection> result = new CompletableFuture<>();
        SimWorld world = network.world;
        if (!network.canSend(node, server) || !network.canSend(server, node)) {
            world.at(timeout.toNanos(), node, () -> result.completeExceptionally(
                    new TransportException("no answer from " + address + " within " + timeout.toMillis() + " ms")));
            return result;
        }
        Bound bound = listeners.get(port);
        if (bound == null) {
            world.at(2 * network.delayNanos(), node, () -> result.completeExceptionally(
                    new TransportException("connection refused by " + address)));
            return result;
        }
        SimChannel channel = network.open(kind, node, node, server, server);
        SimConnection mine = new SimConnection(world, channel, node, server, ++nextConnectionId, handler);
        SimConnection theirs = new SimConnection(world, channel, server, node, node * 1_000_000L + nextConnectionId,
                bound.handler());
        channel.attach(mine, theirs);
        long halfTrip = network.delayNanos();
        world.at(halfTrip, server, () -> {
            if (listeners.get(port) == bound) {
                theirs.opened();
            } else {
                channel.reset("connection refused");
            }
        });
        world.at(halfTrip + network.delayNanos(), node, () -> {
            mine.opened();
            result.complete(mine);
        });
        return result;
    }

    @Override
    public void close() {
    }

    static InetSocketAddress addressOf(int node, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress("node" + node,
                    new byte[] {10, 0, (byte) (node >> 8), (byte) node}), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One end of a simulated client connection. */
    static final class SimConnection implements Connection, SimChannel.End {
        private final SimWorld world;
        private final SimChannel channel;
        private final int node;
        private final int peer;
        private final long id;
        private final ConnectionHandler handler;
        private final Queue<byte[]> held = new ArrayDeque<>();
        private boolean paused;
        private boolean open;
        private boolean closeReported;
        /** The reset came before this end's opening: it opens and closes at once, as a TCP reset right after the handshake. */
        private boolean resetBeforeOpen;

        SimConnection(SimWorld world, SimChannel channel, int node, int peer, long id, ConnectionHandler handler) {
            this.world = world;
            this.channel = channel;
            this.node = node;
            this.peer = peer;
            this.id = id;
            this.handler = handler;
        }

        void opened() {
            open = true;
            handler.onOpen(this);
            if (resetBeforeOpen) {
                open = false;
                reportClose();
            }
        }

        @Override
        public long id() {
            return id;
        }

        /** By id, not identity: the server keeps connections in hash maps, and a run must not depend on identity hashes. */
        @Override
        public int hashCode() {
            return Long.hashCode(id * 31 + node);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return addressOf(peer, 40_000);
        }

        @Override
        public InetSocketAddress localAddress() {
            return addressOf(node, 2000 + node);
        }

        @Override
        public Optional<PeerIdentity> peerIdentity() {
            return Optional.empty();
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public CompletionStage<Void> write(ByteBuffer data) {
            if (!open) {
                return CompletableFuture.failedFuture(new TransportException("connection " + id + " is closed"));
            }
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            channel.send(node, bytes);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isWritable() {
            return open;
        }

        @Override
        public void pauseReading() {
            paused = true;
        }

        @Override
        public void resumeReading() {
            if (!paused) {
                return;
            }
            paused = false;
            world.at(0, node, () -> {
                // Bounded by what was held; a handler that pauses again stops the loop.
                while (!paused && open && !held.isEmpty()) {
                    handler.onData(this, ByteBuffer.wrap(held.poll()));
                }
            });
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public CompletionStage<Void> close() {
            if (open) {
                open = false;
                channel.close(node, "closed by the peer");
                world.at(0, node, this::reportClose);
            }
            return CompletableFuture.completedFuture(null);
        }

        private void reportClose() {
            if (!closeReported) {
                closeReported = true;
                handler.onClose(this, Optional.empty());
            }
        }

        @Override
        public void received(byte[] chunk) {
            if (!open) {
                return;
            }
            if (paused || !held.isEmpty()) {
                held.add(chunk);
                return;
            }
            handler.onData(this, ByteBuffer.wrap(chunk));
        }

        @Override
        public void closed(String reason) {
            if (!open && !closeReported) {
                resetBeforeOpen = true;
                return;
            }
            open = false;
            reportClose();
        }
    }
}
