package org.zkplatform.zab.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.election.MajorityQuorum;
import org.zkplatform.zab.request.Transaction;

class ProposalTrackerTest {

    private final ProposalTracker tracker = new ProposalTracker(new MajorityQuorum(Set.of(1L, 2L, 3L), Set.of(4L), 0));

    private static List<Long> zxids(List<Transaction> txns) {
        return txns.stream().map(Transaction::zxid).toList();
    }

    @Test
    void aProposalCommitsOnceAMajorityHasItOnDisk() {
        tracker.propose(Txns.setData(1, 1));
        assertEquals(List.of(), tracker.ack(1, Zxid.make(1, 1), true));
        assertEquals(List.of(Zxid.make(1, 1)), zxids(tracker.ack(3, Zxid.make(1, 1), false)));
        assertTrue(tracker.isEmpty());
    }

    @Test
    void commitsLeaveInZxidOrderEvenWhenALaterProposalGetsItsQuorumFirst() {
        tracker.propose(Txns.setData(1, 1));
        tracker.propose(Txns.setData(1, 2));
        tracker.ack(2, Zxid.make(1, 2), false);
        assertEquals(List.of(), tracker.ack(3, Zxid.make(1, 2), false), "the second waits for the first");
        assertEquals(List.of(), tracker.ack(2, Zxid.make(1, 1), false));
        assertEquals(List.of(Zxid.make(1, 1), Zxid.make(1, 2)), zxids(tracker.ack(3, Zxid.make(1, 1), false)));
    }

    @Test
    void theLeadersOwnDurabilityCountsForEveryProposalUpToIt() {
        tracker.propose(Txns.setData(1, 1));
        tracker.propose(Txns.setData(1, 2));
        tracker.propose(Txns.setData(1, 3));
        tracker.ack(2, Zxid.make(1, 1), false);
        tracker.ack(2, Zxid.make(1, 2), false);
        assertEquals(List.of(Zxid.make(1, 1), Zxid.make(1, 2)), zxids(tracker.ack(1, Zxid.make(1, 2), true)));
        assertEquals(List.of(Zxid.make(1, 3)), zxids(tracker.outstanding()));
    }

    @Test
    void anObserversAckNeverCounts() {
        tracker.propose(Txns.setData(1, 1));
        tracker.ack(1, Zxid.make(1, 1), true);
        assertEquals(List.of(), tracker.ack(4, Zxid.make(1, 1), false));
        assertEquals(Zxid.make(1, 1), tracker.lastProposed(-1));
    }

    @Test
    void anAckForAnUnknownZxidChangesNothing() {
        tracker.propose(Txns.setData(1, 5));
        assertEquals(List.of(), tracker.ack(2, Zxid.make(1, 4), false));
        assertEquals(List.of(), tracker.ack(3, Zxid.make(1, 6), false));
        assertEquals(1, tracker.outstanding().size());
    }
}
