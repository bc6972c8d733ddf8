package org.zkplatform.zab.quorum;

import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.tree.DataTree;

/**
 * The driver's side of one leader-learner connection: packets queued to send, never blocking. The
 * roles speak to this, so their logic can be driven in tests without sockets or threads.
 */
interface PeerLink extends AutoCloseable {

    void send(QuorumPacket packet);

    /** Queues a SNAP sync: the packet, then the tree as it is while being written (fuzzy), then the end marker. */
    void sendSnapshot(DataTree tree, long zxid);

    /** How long the peer may stay silent before the link counts as dead. */
    void setReadTimeout(long millis);

    /** Names the server at the other end, once it said who it is. */
    void identify(long sid);

    @Override
    void close();
}
