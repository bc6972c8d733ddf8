package org.zkplatform.election.fle;

import org.zkplatform.api.election.PeerState;

/**
 * A vote as a round keeps it to count agreement, with ZooKeeper's notion of "the same vote"
 * ({@code Vote.equals}), which depends on the states involved:
 *
 * <ul>
 *   <li>if either vote is LOOKING: same leader, zxid, election epoch and peer epoch;
 *   <li>otherwise, if exactly one of them has format version 0: same leader;
 *   <li>otherwise: same leader and peer epoch (a server that joined later has another election
 *       epoch and, after transactions, another zxid, but follows the same leader in the same epoch).
 * </ul>
 */
record TalliedVote(int version, long leader, long zxid, long electionEpoch, long peerEpoch, PeerState state) {

    static TalliedVote looking(long leader, long zxid, long electionEpoch, long peerEpoch) {
        return new TalliedVote(0, leader, zxid, electionEpoch, peerEpoch, PeerState.LOOKING);
    }

    static TalliedVote of(Notification n) {
        return new TalliedVote(n.version(), n.leader(), n.zxid(), n.electionEpoch(), n.peerEpoch(), n.state());
    }

    /** The same notification as ZooKeeper stores it in the round's own vote set: without its format version. */
    static TalliedVote ofWithoutVersion(Notification n) {
        return new TalliedVote(0, n.leader(), n.zxid(), n.electionEpoch(), n.peerEpoch(), n.state());
    }

    boolean sameVoteAs(TalliedVote other) {
        if (state == PeerState.LOOKING || other.state == PeerState.LOOKING) {
            return leader == other.leader && zxid == other.zxid && electionEpoch == other.electionEpoch
                    && peerEpoch == other.peerEpoch;
        }
        if ((version > 0) != (other.version > 0)) {
            return leader == other.leader;
        }
        return leader == other.leader && peerEpoch == other.peerEpoch;
    }
}
