package org.zkplatform.election.fle;

import java.net.InetSocketAddress;
import org.zkplatform.api.time.Cancellable;
import org.zkplatform.api.transport.Connection;

/**
 * What the connection manager knows about one other server. Mutable, guarded by the manager's
 * lock; it never escapes the manager.
 */
final class PeerLink {

    final long sid;
    /** Where to dial it; null for an observer known only by a temporary id. */
    final InetSocketAddress address;
    final boolean temporary;

    /** The one connection messages go through, whichever side opened it. */
    Connection connection;
    /** The newest message not yet handed to a connection: a send queue of capacity one, as in ZooKeeper. */
    byte[] pending;
    /** Sent again on a new connection, in case the old one lost it. */
    byte[] lastSent;
    /** Whether anything was ever queued for it (ZooKeeper's queueSendMap holds a queue for it). */
    boolean queued;
    boolean dialing;
    /** When {@link #connection} was made the one; to tell a fresh connection from a stale one. */
    long registeredAtNanos;
    int failedDials;
    /** Connections that closed soon after they were made, in a row: a peer that keeps refusing us. */
    int quickCloses;
    long nextDialNanos;
    Cancellable retry;

    PeerLink(long sid, InetSocketAddress address, boolean temporary) {
        this.sid = sid;
        this.address = address;
        this.temporary = temporary;
    }

    boolean isConnected() {
        return connection != null && connection.isOpen();
    }
}
