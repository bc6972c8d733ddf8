package org.zkplatform.election.fle;

import java.util.Objects;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.Vote;

/**
 * One election message, as ZooKeeper's {@code FastLeaderElection.Notification}: the sender's state
 * and the vote it holds. The config text that travels with it on the wire is not part of it;
 * see {@link NotificationCodec}.
 *
 * @param state the sender's state
 * @param leader the proposed (LOOKING) or followed (FOLLOWING, LEADING, OBSERVING) leader
 * @param zxid the proposed leader's last zxid
 * @param electionEpoch the sender's logical clock, or the round its leader was elected in
 * @param peerEpoch the proposed leader's epoch
 * @param version the message format: 0 for the 28- and 40-byte layouts, 1 or 2 for the longer ones
 */
public record Notification(PeerState state, long leader, long zxid, long electionEpoch, long peerEpoch, int version) {

    /** The format version we send, ZooKeeper's {@code Notification.CURRENTVERSION}. */
    public static final int CURRENT_VERSION = 2;

    public Notification {
        Objects.requireNonNull(state, "state is null");
    }

    /** A notification in the current format. */
    public static Notification of(PeerState state, long leader, long zxid, long electionEpoch, long peerEpoch) {
        return new Notification(state, leader, zxid, electionEpoch, peerEpoch, CURRENT_VERSION);
    }

    /** A notification carrying {@code vote} with the sender's {@code state}. */
    public static Notification of(PeerState state, Vote vote) {
        return of(state, vote.leader(), vote.zxid(), vote.electionEpoch(), vote.peerEpoch());
    }

    @Override
    public String toString() {
        return state + " leader=" + leader + " zxid=0x" + Long.toHexString(zxid) + " round=0x" + Long.toHexString(electionEpoch)
                + " peerEpoch=0x" + Long.toHexString(peerEpoch) + " v" + version;
    }
}
