package org.zkplatform.zab.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.Zxid;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.LearnerInfo;
import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.proto.QuorumPacketType;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.TreeListener;

/** A follower's and an observer's role driven by hand: the leader's packets in, answers out. */
class LearnerPhaseTest {

    private final TestPeer peer;
    private final RecordingLink leaderLink = new RecordingLink();
    private LearnerPhase learner;

    LearnerPhaseTest() throws Exception {
        peer = new TestPeer(2, 3, 1);
    }

    @AfterEach
    void tearDown() {
        if (learner != null) {
            learner.close();
        }
        peer.close();
    }

    /** A dialer that "made" the test's link. */
    private LeaderDialer dialer() {
        return new LeaderDialer() {
            @Override
            public boolean made(PeerLink link) {
                return link == leaderLink;
            }

            @Override
            public void close() {
            }
        };
    }

    private void start(boolean observer) throws PhaseFailed {
        learner = new LearnerPhase(peer.ctx, 1, observer, dialer());
        learner.handle(new QuorumEvent.Opened(leaderLink));
    }

    private void receive(int type, long zxid, byte[] data) throws PhaseFailed {
        learner.handle(new QuorumEvent.Packet(leaderLink, new QuorumPacket(type, zxid, data, null)));
    }

    private void propose(Transaction txn) throws PhaseFailed {
        receive(QuorumPacketType.PROPOSAL, txn.zxid(), txn.encode());
    }

    /** Registers, takes epoch {@code epoch}, and is told DIFF. */
    private void registerAndDiff(long epoch) throws PhaseFailed {
        start(false);
        receive(QuorumPacketType.LEADERINFO, Zxid.make(epoch, 0), ByteBuffer.allocate(4).putInt(0x10000).array());
        receive(QuorumPacketType.DIFF, peer.ctx.tree.lastProcessedZxid(), null);
        leaderLink.drain();
    }

    private void syncAndServe(long epoch) throws PhaseFailed {
        registerAndDiff(epoch);
        receive(QuorumPacketType.NEWLEADER, Zxid.make(epoch, 0), null);
        receive(QuorumPacketType.UPTODATE, -1, null);
        leaderLink.drain();
    }

    @Test
    void registersWithItsAcceptedEpochThenAcknowledgesTheNewOne() throws Exception {
        peer.history(Txns.creates(3, 1, 2));
        start(false);
        List<QuorumPacket> sent = leaderLink.drain();
        assertEquals(QuorumPacketType.FOLLOWERINFO, sent.get(0).type());
        assertEquals(Zxid.make(3, 0), sent.get(0).zxid());
        assertEquals(2, LearnerInfo.read(new JuteInput(sent.get(0).data())).serverId().getAsLong());

        receive(QuorumPacketType.LEADERINFO, Zxid.make(5, 0), ByteBuffer.allocate(4).putInt(0x10000).array());
        assertEquals(5, peer.ctx.acceptedEpoch(), "the new epoch is on disk before it is acknowledged");
        assertEquals(3, peer.ctx.currentEpoch(), "the current epoch changes only at NEWLEADER");
        QuorumPacket ack = leaderLink.drain().get(0);
        assertEquals(QuorumPacketType.ACKEPOCH, ack.type());
        assertEquals(Zxid.make(3, 2), ack.zxid(), "with its last logged zxid");
        assertEquals(3, ByteBuffer.wrap(ack.data()).getInt(), "and its current epoch");
    }

    @Test
    void anObserverRegistersAsOne() throws Exception {
        start(true);
        assertEquals(QuorumPacketType.OBSERVERINFO, leaderLink.drain().get(0).type());
    }

    @Test
    void refusesALeaderWhoseEpochIsBelowTheAcceptedOne() throws Exception {
        peer.ctx.setAcceptedEpoch(6);
        start(false);
        PhaseFailed failure = assertThrows(PhaseFailed.class, () -> receive(QuorumPacketType.LEADERINFO,
                Zxid.make(5, 0), ByteBuffer.allocate(4).putInt(0x10000).array()));
        assertTrue(failure.getMessage().contains("below the epoch 6"), failure.getMessage());
    }

    @Test
    void aDiffSyncAppliesTheCommittedTxnsThenServesAfterUpToDate() throws Exception {
        registerAndDiff(1);
        Transaction first = Txns.create(1, 1);
        propose(first);
        receive(QuorumPacketType.COMMIT, first.zxid(), null);
        assertEquals(first.zxid(), peer.ctx.tree.lastProcessedZxid());
        receive(QuorumPacketType.NEWLEADER, Zxid.make(1, 0), null);
        assertEquals(1, peer.ctx.currentEpoch());
        assertEquals(first.zxid(), peer.storage.lastZxid(), "the synced txns are logged before NEWLEADER is acked");
        assertEquals("ACK", leaderLink.drainTypes());
        assertNull(learner.core(), "no clients before UPTODATE");
        receive(QuorumPacketType.UPTODATE, -1, null);
        assertNotNull(learner.core());
        assertEquals(TestPeer.SYNC_LIMIT_TICKS * TestPeer.TICK_MS, leaderLink.readTimeout);
    }

    @Test
    void aProposalIsAcknowledgedOnlyOnceDurableAndAppliedOnlyWhenCommitted() throws Exception {
        syncAndServe(1);
        Transaction txn = Txns.create(1, 1);
        propose(txn);
        assertEquals("", leaderLink.drainTypes(), "not on disk yet");
        assertEquals(0, peer.ctx.tree.lastProcessedZxid());
        learner.handle(new CoreEvent.Durable(txn.zxid()));
        List<QuorumPacket> acks = leaderLink.drain();
        assertEquals(1, acks.size());
        assertEquals(txn.zxid(), acks.get(0).zxid());
        receive(QuorumPacketType.COMMIT, txn.zxid(), null);
        assertNotNull(peer.ctx.tree.node("/n1"));
    }

    @Test
    void proposalsOfTheSyncAreAcknowledgedOnlyAfterNewLeaderIs() throws Exception {
        // An ACK counts toward a commit; sent before NEWLEADER, it would come from a server whose current epoch
        // still lags the leader's, which the next election may pass over for one that lacks the txn.
        registerAndDiff(1);
        Transaction txn = Txns.create(1, 1);
        propose(txn);
        learner.handle(new CoreEvent.Durable(txn.zxid()));
        assertEquals("", leaderLink.drainTypes(), "no ACK while this server's epoch is the old one");
        receive(QuorumPacketType.NEWLEADER, Zxid.make(1, 0), null);
        assertEquals(1, peer.ctx.currentEpoch());
        receive(QuorumPacketType.UPTODATE, -1, null);
        List<QuorumPacket> acks = leaderLink.drain();
        assertEquals(List.of(Zxid.make(1, 0), Zxid.make(1, 0), txn.zxid()),
                acks.stream().map(QuorumPacket::zxid).toList(),
                "NEWLEADER's ACK, UPTODATE's, then the proposal's (as ZooKeeper's learner, once serving)");
    }

    @Test
    void aCommitOutOfOrderEndsTheRole() throws Exception {
        syncAndServe(1);
        propose(Txns.create(1, 1));
        propose(Txns.create(1, 2));
        assertThrows(PhaseFailed.class, () -> receive(QuorumPacketType.COMMIT, Zxid.make(1, 2), null));
    }

    @Test
    void proposalsLoggedButNeverCommittedCountWhenTheRoleEnds() throws Exception {
        syncAndServe(1);
        propose(Txns.create(1, 1));
        learner.close();
        learner = null;
        assertEquals(Zxid.make(1, 1), peer.ctx.tree.lastProcessedZxid(),
                "the next election must see the logged txn, as ZooKeeper's fastForwardDataBase does");
    }

    @Test
    void truncSyncCutsTheAbandonedTxnsFromLogAndTree() throws Exception {
        peer.history(Txns.creates(1, 1, 4));
        start(false);
        receive(QuorumPacketType.LEADERINFO, Zxid.make(2, 0), ByteBuffer.allocate(4).putInt(0x10000).array());
        receive(QuorumPacketType.TRUNC, Zxid.make(1, 2), null);
        assertEquals(Zxid.make(1, 2), peer.ctx.tree.lastProcessedZxid());
        assertEquals(Zxid.make(1, 2), peer.storage.lastZxid());
        assertNotNull(peer.ctx.tree.node("/n2"));
        assertNull(peer.ctx.tree.node("/n3"));
        Transaction next = Txns.create(2, 1);
        propose(next);
        receive(QuorumPacketType.COMMIT, next.zxid(), null);
        receive(QuorumPacketType.NEWLEADER, Zxid.make(2, 0), null);
        assertEquals(next.zxid(), peer.storage.lastZxid());
    }

    @Test
    void snapSyncAdoptsTheLeadersTreeAndSavesItBeforeLoggingMore() throws Exception {
        peer.history(Txns.creates(1, 1, 2));
        start(false);
        receive(QuorumPacketType.LEADERINFO, Zxid.make(3, 0), ByteBuffer.allocate(4).putInt(0x10000).array());
        DataTree leaderTree = new DataTree();
        for (Transaction txn : Txns.creates(2, 1, 3)) {
            leaderTree.apply(txn.header(), txn.record(), TreeListener.NONE);
        }
        learner.handle(new QuorumEvent.Snapshot(leaderLink, Zxid.make(2, 3), leaderTree));
        assertEquals(leaderTree, peer.ctx.tree);
        assertEquals(Zxid.make(2, 3), peer.storage.snapshots().list().get(0).zxid());
        assertEquals(Zxid.make(1, 2), peer.storage.lastZxid(), "its own txns below the snapshot may stay");
        receive(QuorumPacketType.NEWLEADER, Zxid.make(3, 0), null);
        assertEquals("FOLLOWERINFO ACKEPOCH ACK", leaderLink.drainTypes());
    }

    @Test
    void anObserverAppliesInformedTxnsAndRefusesProposals() throws Exception {
        start(true);
        receive(QuorumPacketType.LEADERINFO, Zxid.make(1, 0), ByteBuffer.allocate(4).putInt(0x10000).array());
        receive(QuorumPacketType.DIFF, 0, null);
        receive(QuorumPacketType.NEWLEADER, Zxid.make(1, 0), null);
        receive(QuorumPacketType.UPTODATE, -1, null);
        Transaction txn = Txns.create(1, 1);
        receive(QuorumPacketType.INFORM, txn.zxid(), txn.encode());
        assertNotNull(peer.ctx.tree.node("/n1"));
        leaderLink.drain();
        learner.handle(new CoreEvent.Durable(txn.zxid()));
        assertEquals("", leaderLink.drainTypes(), "observers never acknowledge");
        assertThrows(PhaseFailed.class, () -> propose(Txns.create(1, 2)));
    }

    @Test
    void anObserverTakesTheCommittedTxnsOfADiffAsProposalsAndCommits() throws Exception {
        start(true);
        receive(QuorumPacketType.LEADERINFO, Zxid.make(1, 0), ByteBuffer.allocate(4).putInt(0x10000).array());
        receive(QuorumPacketType.DIFF, Zxid.make(1, 2), null);
        for (Transaction txn : Txns.creates(1, 1, 2)) {
            propose(txn);
            receive(QuorumPacketType.COMMIT, txn.zxid(), null);
        }
        receive(QuorumPacketType.NEWLEADER, Zxid.make(1, 0), null);
        assertEquals(Zxid.make(1, 2), peer.storage.lastZxid(), "logged before NEWLEADER is acked");
        receive(QuorumPacketType.UPTODATE, -1, null);
        assertNotNull(peer.ctx.tree.node("/n2"));
        learner.handle(new CoreEvent.Durable(Zxid.make(1, 2)));
        assertEquals("OBSERVERINFO ACKEPOCH ACK ACK", leaderLink.drainTypes(), "no ACK of a proposal from an observer");
    }

    @Test
    void answersPingsAndLosesTheRoleWhenTheLinkDies() throws Exception {
        syncAndServe(1);
        receive(QuorumPacketType.PING, Zxid.make(1, 0), null);
        assertEquals("PING", leaderLink.drainTypes());
        PhaseFailed failure = assertThrows(PhaseFailed.class,
                () -> learner.handle(new QuorumEvent.Gone(leaderLink, "read timed out")));
        assertTrue(failure.getMessage().contains("lost the leader"), failure.getMessage());
        assertFalse(leaderLink.closed, "closing is the caller's job, through close()");
    }

    @Test
    void pingsAreAnsweredOnlyOnceServingAndWithAnEmptyTouchTableRatherThanNone() throws Exception {
        registerAndDiff(1);
        receive(QuorumPacketType.PING, Zxid.make(1, 0), null);
        assertEquals("", leaderLink.drainTypes(), "ZooKeeper's learner leaves pings unanswered while it syncs");
        receive(QuorumPacketType.NEWLEADER, Zxid.make(1, 0), null);
        receive(QuorumPacketType.PING, Zxid.make(1, 0), null);
        assertEquals("ACK", leaderLink.drainTypes(),
                "ZooKeeper's leader takes the first packet after NEWLEADER for the ACK of it");
        receive(QuorumPacketType.UPTODATE, -1, null);
        leaderLink.drain();
        receive(QuorumPacketType.PING, Zxid.make(1, 7), null);
        QuorumPacket answer = leaderLink.drain().get(0);
        assertEquals(QuorumPacketType.PING, answer.type());
        assertEquals(Zxid.make(1, 7), answer.zxid());
        assertNotNull(answer.data(), "ZooKeeper's leader reads the touch table without a null check");
        assertEquals(0, answer.data().length);
    }

    @Test
    void proposalsReceivedWhileSyncingAreAcknowledgedOnlyAfterUpToDate() throws Exception {
        registerAndDiff(1);
        Transaction synced = Txns.create(1, 1);
        propose(synced);
        receive(QuorumPacketType.COMMIT, synced.zxid(), null);
        learner.handle(new CoreEvent.Durable(synced.zxid()));
        assertEquals("", leaderLink.drainTypes(), "nothing goes before the ACK of NEWLEADER");
        receive(QuorumPacketType.NEWLEADER, Zxid.make(1, 0), null);
        Transaction live = Txns.create(1, 2);
        propose(live);
        learner.handle(new CoreEvent.Durable(live.zxid()));
        List<QuorumPacket> newLeaderAck = leaderLink.drain();
        assertEquals(1, newLeaderAck.size(), "only the ACK of NEWLEADER before UPTODATE");
        assertEquals(Zxid.make(1, 0), newLeaderAck.get(0).zxid());
        receive(QuorumPacketType.UPTODATE, -1, null);
        List<Long> acked = leaderLink.drain().stream().map(QuorumPacket::zxid).toList();
        assertEquals(List.of(Zxid.make(1, 0), synced.zxid(), live.zxid()), acked,
                "UPTODATE's ACK, then each proposal's, in order");
    }

    @Test
    void aLinkThatDiesBeforeItsOpeningIsHandledEndsTheRoleInsteadOfWaitingForEver() throws Exception {
        // Found by the ensemble simulation (org.zkplatform.sim): the reader posts Gone before the dialer posts Opened, the Gone
        // was ignored as not the phase's link, and the learner then registered on a dead link with no read left
        // to time out.
        learner = new LearnerPhase(peer.ctx, 1, false, dialer());
        PhaseFailed failure = assertThrows(PhaseFailed.class,
                () -> learner.handle(new QuorumEvent.Gone(leaderLink, "closed by the peer")));
        assertTrue(failure.getMessage().contains("lost the leader"), failure.getMessage());
    }

    @Test
    void aDeadLinkOfAnotherDialerIsNotThisRolesConcern() throws Exception {
        learner = new LearnerPhase(peer.ctx, 1, false, dialer());
        learner.handle(new QuorumEvent.Gone(new RecordingLink(), "an earlier role's link"));
    }
}
