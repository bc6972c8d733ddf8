package org.zkplatform.api.election;

import java.util.Objects;

/**
 * A vote: which server should lead, with the facts that rank it.
 *
 * @param leader the proposed (or elected) leader's server id
 * @param zxid the proposed leader's last logged zxid
 * @param electionEpoch the logical clock (round) the vote was cast in
 * @param peerEpoch the proposed leader's current epoch
 * @param state the state of the server that holds this vote; in an election result, the state
 *     this server is to take
 */
public record Vote(long leader, long zxid, long electionEpoch, long peerEpoch, PeerState state) {

    public Vote {
        Objects.requireNonNull(state, "state is null");
    }

    /**
     * Whether this vote ranks above {@code other}: by peer epoch, then zxid, then leader id. This
     * total order is what makes every server converge on the same leader.
     */
    public boolean ranksAbove(Vote other) {
        if (peerEpoch != other.peerEpoch) {
            return peerEpoch > other.peerEpoch;
        }
        if (zxid != other.zxid) {
            return zxid > other.zxid;
        }
        return leader > other.leader;
    }
}
