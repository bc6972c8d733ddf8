package org.zkplatform.zab.quorum;

import org.zkplatform.api.election.Vote;
import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.tree.DataTree;

/** What the ensemble side of the driver reacts to; posted by election and by the quorum links. */
sealed interface QuorumEvent extends CoreEvent.External {

    /** Election {@code round} (this server's count of elections) decided; the vote's state is the role to take. */
    record Elected(long round, Vote vote) implements QuorumEvent {
    }

    /** A quorum link opened (the leader accepted a learner, or a learner reached its leader). */
    record Opened(PeerLink link) implements QuorumEvent {
    }

    /** A packet arrived on a link. */
    record Packet(PeerLink link, QuorumPacket packet) implements QuorumEvent {
    }

    /** A learner received a SNAP sync: the leader's tree as of {@code zxid}. */
    record Snapshot(PeerLink link, long zxid, DataTree tree) implements QuorumEvent {
    }

    /** A link failed or closed. */
    record Gone(PeerLink link, String reason) implements QuorumEvent {
    }

    /** A learner could not reach its leader; {@code dialer} says which attempt this was. */
    record Unreachable(LeaderDialer dialer, String reason) implements QuorumEvent {
    }
}
