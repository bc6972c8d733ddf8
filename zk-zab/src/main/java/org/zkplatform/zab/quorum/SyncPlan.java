package org.zkplatform.zab.quorum;

import java.util.List;
import org.zkplatform.api.Zxid;
import org.zkplatform.zab.request.Transaction;

/**
 * How a leader brings one learner up to date (ZooKeeper's LearnerHandler.syncFollower): DIFF (send
 * the committed txns it lacks), TRUNC (it is ahead on an abandoned branch: cut its log back, then
 * send what follows), or SNAP (too far behind, or too different: send the whole tree).
 *
 * @param zxid the zxid the DIFF, TRUNC or SNAP packet carries
 * @param txns the committed txns to send after it, each as PROPOSAL then COMMIT
 */
record SyncPlan(Kind kind, long zxid, List<Transaction> txns) {

    enum Kind {
        DIFF, TRUNC, SNAP
    }

    /**
     * @param peerLastZxid the last zxid the learner has logged (its ACKEPOCH)
     * @param lastProcessed the leader's last applied zxid
     */
    static SyncPlan decide(long peerLastZxid, long lastProcessed, CommittedLog committed) {
        if (peerLastZxid == lastProcessed) {
            return new SyncPlan(Kind.DIFF, peerLastZxid, List.of());
        }
        boolean peerAtNewEpoch = Zxid.counterOf(peerLastZxid) == 0;
        if (!committed.isEmpty()) {
            long min = committed.minZxid();
            long max = committed.maxZxid();
            if (peerLastZxid > max && !peerAtNewEpoch) {
                return new SyncPlan(Kind.TRUNC, max, List.of());
            }
            if (peerLastZxid >= min && peerLastZxid <= max) {
                if (peerAtNewEpoch || committed.contains(peerLastZxid)) {
                    return new SyncPlan(Kind.DIFF, max, committed.after(peerLastZxid));
                }
                long previous = committed.before(peerLastZxid);
                if (previous >= 0 && Zxid.epochOf(previous) == Zxid.epochOf(peerLastZxid)) {
                    return new SyncPlan(Kind.TRUNC, previous, committed.after(previous));
                }
            }
        }
        return new SyncPlan(Kind.SNAP, lastProcessed, List.of());
    }
}
