package org.zkplatform.zab.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.Zxid;
import org.zkplatform.zab.request.Transaction;

class SyncPlanTest {

    private static List<Long> zxids(SyncPlan plan) {
        return plan.txns().stream().map(Transaction::zxid).toList();
    }

    @Test
    void aLearnerLevelWithTheLeaderGetsAnEmptyDiff() {
        SyncPlan plan = SyncPlan.decide(Zxid.make(1, 10), Zxid.make(1, 10), Txns.committed(1, 1, 10));
        assertEquals(SyncPlan.Kind.DIFF, plan.kind());
        assertEquals(List.of(), plan.txns());
    }

    @Test
    void aLearnerBehindWithinTheCommittedLogGetsTheTxnsItLacks() {
        SyncPlan plan = SyncPlan.decide(Zxid.make(1, 7), Zxid.make(1, 10), Txns.committed(1, 1, 10));
        assertEquals(SyncPlan.Kind.DIFF, plan.kind());
        assertEquals(Zxid.make(1, 10), plan.zxid());
        assertEquals(List.of(Zxid.make(1, 8), Zxid.make(1, 9), Zxid.make(1, 10)), zxids(plan));
    }

    @Test
    void aLearnerBehindTheCommittedLogGetsASnapshot() {
        SyncPlan plan = SyncPlan.decide(Zxid.make(1, 2), Zxid.make(1, 30), Txns.committed(1, 10, 30));
        assertEquals(SyncPlan.Kind.SNAP, plan.kind());
        assertEquals(Zxid.make(1, 30), plan.zxid());
    }

    @Test
    void anEmptyLearnerGetsASnapshot() {
        assertEquals(SyncPlan.Kind.SNAP, SyncPlan.decide(0, Zxid.make(1, 3), Txns.committed(1, 1, 3)).kind());
    }

    @Test
    void aLeaderWithoutCommittedLogSendsASnapshot() {
        CommittedLog empty = new CommittedLog(10);
        assertEquals(SyncPlan.Kind.SNAP, SyncPlan.decide(Zxid.make(1, 1), Zxid.make(1, 3), empty).kind());
    }

    @Test
    void aLearnerAheadInTheSameEpochIsTruncatedToTheLeadersLastTxn() {
        SyncPlan plan = SyncPlan.decide(Zxid.make(1, 12), Zxid.make(1, 10), Txns.committed(1, 1, 10));
        assertEquals(SyncPlan.Kind.TRUNC, plan.kind());
        assertEquals(Zxid.make(1, 10), plan.zxid());
        assertEquals(List.of(), plan.txns());
    }

    @Test
    void aLearnerOnAnAbandonedBranchIsTruncatedToWhereItForkedThenSentTheRest() {
        // The leader went from (1,5) to epoch 2; the learner logged (1,6) that was never committed.
        CommittedLog committed = Txns.committed(1, 1, 5);
        committed.add(Txns.setData(2, 1));
        committed.add(Txns.setData(2, 2));
        SyncPlan plan = SyncPlan.decide(Zxid.make(1, 6), Zxid.make(2, 2), committed);
        assertEquals(SyncPlan.Kind.TRUNC, plan.kind());
        assertEquals(Zxid.make(1, 5), plan.zxid());
        assertEquals(List.of(Zxid.make(2, 1), Zxid.make(2, 2)), zxids(plan));
    }

    @Test
    void aLearnerThatOnlySawANewEpochBeginGetsADiff() {
        CommittedLog committed = Txns.committed(1, 1, 5);
        committed.add(Txns.setData(2, 1));
        SyncPlan plan = SyncPlan.decide(Zxid.make(2, 0), Zxid.make(2, 1), committed);
        assertEquals(SyncPlan.Kind.DIFF, plan.kind());
        assertEquals(List.of(Zxid.make(2, 1)), zxids(plan));
    }
}
