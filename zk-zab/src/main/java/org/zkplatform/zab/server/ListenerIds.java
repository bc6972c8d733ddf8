package org.zkplatform.zab.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.PeerIdentity;

/**
 * Gives the connections of one more listener ids that cannot clash with another listener's. A
 * transport numbers its connections on its own, and the core keys connections (and their watches)
 * by id, so when two transports feed one core, all but the first listener go through this: the
 * listener's number goes in the top byte of the id.
 */
final class ListenerIds implements ConnectionHandler {

    private static final int INDEX_SHIFT = 56;
    private static final long ID_MASK = (1L << INDEX_SHIFT) - 1;

    private final long prefix;
    private final ConnectionHandler handler;
    private final Map<Connection, Renumbered> connections = new ConcurrentHashMap<>();

    /** @param index the listener's number, 1 to 127 (0 is the first listener, which needs no renumbering) */
    ListenerIds(int index, ConnectionHandler handler) {
        if (index < 1 || index > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("listener index out of range: " + index);
        }
        this.prefix = (long) index << INDEX_SHIFT;
        this.handler = handler;
    }

    @Override
    public void onOpen(Connection connection) {
        Renumbered renumbered = new Renumbered(connection, prefix | (connection.id() & ID_MASK));
        connections.put(connection, renumbered);
        handler.onOpen(renumbered);
    }

    @Override
    public void onData(Connection connection, ByteBuffer data) {
        Renumbered renumbered = connections.get(connection);
        if (renumbered != null) {
            handler.onData(renumbered, data);
        }
    }

    @Override
    public void onWritabilityChanged(Connection connection, boolean writable) {
        Renumbered renumbered = connections.get(connection);
        if (renumbered != null) {
            handler.onWritabilityChanged(renumbered, writable);
        }
    }

    @Override
    public void onClose(Connection connection, Optional<Throwable> cause) {
        Renumbered renumbered = connections.remove(connection);
        if (renumbered != null) {
            handler.onClose(renumbered, cause);
        }
    }

    /** A connection with another id; everything else is the transport's. */
    private record Renumbered(Connection connection, long id) implements Connection {

        @Override
        public InetSocketAddress remoteAddress() {
            return connection.remoteAddress();
        }

        @Override
        public InetSocketAddress localAddress() {
            return connection.localAddress();
        }

        @Override
        public Optional<PeerIdentity> peerIdentity() {
            return connection.peerIdentity();
        }

        @Override
        public boolean isSecure() {
            return connection.isSecure();
        }

        @Override
        public CompletionStage<Void> write(ByteBuffer data) {
            return connection.write(data);
        }

        @Override
        public boolean isWritable() {
            return connection.isWritable();
        }

        @Override
        public void pauseReading() {
            connection.pauseReading();
        }

        @Override
        public void resumeReading() {
            connection.resumeReading();
        }

        @Override
        public boolean isOpen() {
            return connection.isOpen();
        }

        @Override
        public CompletionStage<Void> close() {
            return connection.close();
        }

        @Override
        public String toString() {
            return connection.toString();
        }
    }
}
