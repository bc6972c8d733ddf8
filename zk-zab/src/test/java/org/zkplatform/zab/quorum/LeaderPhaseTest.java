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
import org.zkplatform.zab.admin.LearnerFacts;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.LearnerInfo;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.proto.QuorumPacketType;
import org.zkplatform.zab.server.CoreEvent;

/** The leader's role driven by hand: packets and durability reports in, packets out. */
class LeaderPhaseTest {

    private final TestPeer peer;
    private LeaderPhase leader;

    LeaderPhaseTest() throws Exception {
        peer = new TestPeer(1, 3, 1);
    }

    @AfterEach
    void tearDown() {
        if (leader != null) {
            leader.close();
        }
        peer.close();
    }

    private static QuorumPacket packet(int type, long zxid, byte[] data) {
        return new QuorumPacket(type, zxid, data, null);
    }

    private static byte[] epochBytes(int epoch) {
        return ByteBuffer.allocate(4).putInt(epoch).array();
    }

    private RecordingLink connect(long sid, long acceptedEpoch, boolean observer) throws PhaseFailed {
        RecordingLink link = new RecordingLink();
        leader.handle(new QuorumEvent.Opened(link));
        leader.handle(new QuorumEvent.Packet(link, packet(observer ? QuorumPacketType.OBSERVERINFO
                : QuorumPacketType.FOLLOWERINFO, Zxid.make(acceptedEpoch, 0),
                LearnerInfo.of(sid, LearnerInfo.PROTOCOL_VERSION, 0).toByteArray())));
        return link;
    }

    private void ackEpoch(RecordingLink link, int currentEpoch, long lastZxid) throws PhaseFailed {
        leader.handle(new QuorumEvent.Packet(link, packet(QuorumPacketType.ACKEPOCH, lastZxid, epochBytes(currentEpoch))));
    }

    /** Leads with server 2 through discovery and sync, as at the start of epoch 1. */
    private RecordingLink leadWithFollower2() throws PhaseFailed {
        leader = new LeaderPhase(peer.ctx);
        RecordingLink follower = connect(2, 0, false);
        ackEpoch(follower, 0, peer.ctx.tree.lastProcessedZxid());
        leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.ACK, Zxid.make(1, 0), null)));
        return follower;
    }

    @Test
    void proposesAnEpochAboveEveryEpochAQuorumAccepted() throws Exception {
        leader = new LeaderPhase(peer.ctx);
        RecordingLink follower = connect(2, 3, false);
        List<QuorumPacket> sent = follower.drain();
        assertEquals(1, sent.size());
        assertEquals(QuorumPacketType.LEADERINFO, sent.get(0).type());
        assertEquals(Zxid.make(4, 0), sent.get(0).zxid());
        assertEquals(4, peer.ctx.acceptedEpoch(), "the leader accepted its own proposal on disk");
        assertEquals(2, follower.sid);
    }

    @Test
    void anObserverDoesNotMakeAQuorumForTheEpoch() throws Exception {
        leader = new LeaderPhase(peer.ctx);
        RecordingLink observer = connect(4, 7, true);
        assertEquals("", observer.drainTypes(), "no epoch is proposed on an observer's word");
        RecordingLink follower = connect(2, 0, false);
        assertEquals("LEADERINFO", follower.drainTypes());
        assertEquals("LEADERINFO", observer.drainTypes());
        assertEquals(1, peer.ctx.acceptedEpoch(), "the observer's accepted epoch does not count");
    }

    @Test
    void servesOnlyOnceAQuorumAcknowledgedNewLeader() throws Exception {
        leader = new LeaderPhase(peer.ctx);
        RecordingLink follower = connect(2, 0, false);
        follower.drain();
        ackEpoch(follower, 0, 0);
        assertEquals(1, peer.ctx.currentEpoch(), "a quorum acked the epoch");
        assertEquals("DIFF NEWLEADER", follower.drainTypes());
        assertNull(leader.core(), "not serving before the quorum synced");
        leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.ACK, Zxid.make(1, 0), null)));
        assertNotNull(leader.core());
        assertEquals("UPTODATE", follower.drainTypes());
        assertEquals(TestPeer.SYNC_LIMIT_TICKS * TestPeer.TICK_MS, follower.readTimeout);
    }

    @Test
    void aLaggingLearnerGetsTheCommittedTxnsItLacks() throws Exception {
        peer.history(Txns.creates(1, 1, 5));
        leader = new LeaderPhase(peer.ctx);
        RecordingLink follower = connect(2, 1, false);
        follower.drain();
        ackEpoch(follower, 1, Zxid.make(1, 3));
        assertEquals("DIFF PROPOSAL COMMIT PROPOSAL COMMIT NEWLEADER", follower.drainTypes());
    }

    @Test
    void anEmptyLearnerGetsTheWholeTree() throws Exception {
        peer.history(Txns.creates(1, 1, 5));
        leader = new LeaderPhase(peer.ctx);
        RecordingLink follower = connect(2, 0, false);
        follower.drain();
        ackEpoch(follower, 0, 0);
        RecordingLink.SentSnapshot snap = (RecordingLink.SentSnapshot) follower.sent.get(0);
        assertEquals(Zxid.make(1, 5), snap.zxid());
        assertEquals("SNAP NEWLEADER", follower.drainTypes());
    }

    @Test
    void aLearnerAheadOfTheLeaderIsTurnedAway() throws Exception {
        peer.history(Txns.creates(1, 1, 2));
        leader = new LeaderPhase(peer.ctx);
        RecordingLink follower = connect(2, 1, false);
        follower.drain();
        ackEpoch(follower, 5, Zxid.make(5, 9));
        assertTrue(follower.closed);
        assertEquals("", follower.drainTypes());
    }

    @Test
    void aProposalCommitsOnceAQuorumHasItOnDiskAndObserversAreInformed() throws Exception {
        RecordingLink follower = leadWithFollower2();
        RecordingLink observer = connect(4, 0, true);
        ackEpoch(observer, -1, 0);
        leader.handle(new QuorumEvent.Packet(observer, packet(QuorumPacketType.ACK, Zxid.make(1, 0), null)));
        follower.drain();
        observer.drain();

        // A follower forwards a client's new session.
        JuteOutput request = new JuteOutput(32);
        request.writeLong(0x200000000000001L);
        request.writeInt(0);
        request.writeInt(OpCode.CREATE_SESSION);
        new CreateSessionTxn(4000).write(request);
        leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.REQUEST, -1, request.toByteArray())));
        List<QuorumPacket> proposed = follower.drain();
        assertEquals(1, proposed.size());
        assertEquals(QuorumPacketType.PROPOSAL, proposed.get(0).type());
        long zxid = proposed.get(0).zxid();
        assertEquals(Zxid.make(1, 1), zxid);
        assertEquals("", observer.drainTypes(), "observers get no proposals");

        leader.handle(new CoreEvent.Durable(zxid));
        assertEquals("", follower.drainTypes(), "the leader alone is not a quorum of three");
        leader.handle(new QuorumEvent.Packet(observer, packet(QuorumPacketType.ACK, zxid, null)));
        assertEquals("", follower.drainTypes(), "an observer's ack does not count");
        leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.ACK, zxid, null)));
        assertEquals("COMMIT", follower.drainTypes());
        assertEquals("INFORM", observer.drainTypes());
        assertEquals(zxid, peer.ctx.tree.lastProcessedZxid());
        assertTrue(peer.ctx.tree.sessions().containsKey(0x200000000000001L));
    }

    @Test
    void reportsEachLearnersLagAndCountsProposalsAndCommits() throws Exception {
        RecordingLink follower = leadWithFollower2();
        RecordingLink observer = connect(4, 0, true);
        ackEpoch(observer, -1, 0);
        leader.handle(new QuorumEvent.Packet(observer, packet(QuorumPacketType.ACK, Zxid.make(1, 0), null)));
        assertEquals(List.of(new LearnerFacts(2, false, true, 0), new LearnerFacts(4, true, true, 0)),
                leader.learners());

        for (long session = 1; session <= 2; session++) {
            JuteOutput request = new JuteOutput(32);
            request.writeLong(0x200000000000000L + session);
            request.writeInt(0);
            request.writeInt(OpCode.CREATE_SESSION);
            new CreateSessionTxn(4000).write(request);
            leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.REQUEST, -1, request.toByteArray())));
        }
        leader.handle(new CoreEvent.Durable(Zxid.make(1, 2)));
        assertEquals(2, leader.learners().get(0).lagTxns(), "follower 2 acknowledged neither proposal");
        leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.ACK, Zxid.make(1, 1), null)));
        assertEquals(1, leader.learners().get(0).lagTxns());
        leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.ACK, Zxid.make(1, 2), null)));

        assertEquals(0, leader.learners().get(0).lagTxns());
        assertEquals(0, leader.learners().get(1).lagTxns(), "an observer acknowledges nothing; it has no lag");
        assertEquals(2, peer.metrics.proposals());
        assertEquals(2, peer.metrics.commits());
    }

    @Test
    void aForwardedSyncIsAnsweredAfterTheProposalsBeforeItCommit() throws Exception {
        RecordingLink follower = leadWithFollower2();
        follower.drain();
        JuteOutput create = new JuteOutput(32);
        create.writeLong(0x200000000000001L);
        create.writeInt(0);
        create.writeInt(OpCode.CREATE_SESSION);
        new CreateSessionTxn(4000).write(create);
        leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.REQUEST, -1, create.toByteArray())));
        JuteOutput sync = new JuteOutput(16);
        sync.writeLong(0x200000000000001L);
        sync.writeInt(1);
        sync.writeInt(OpCode.SYNC);
        leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.REQUEST, -1, sync.toByteArray())));
        assertEquals("PROPOSAL", follower.drainTypes(), "the sync waits for the pending proposal");
        leader.handle(new CoreEvent.Durable(Zxid.make(1, 1)));
        leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.ACK, Zxid.make(1, 1), null)));
        assertEquals("COMMIT SYNC", follower.drainTypes());
    }

    @Test
    void stepsDownWhenTheQuorumFallsSilent() throws Exception {
        leadWithFollower2();
        leader.tick();
        peer.clock.advanceMillis(TestPeer.SYNC_LIMIT_TICKS * TestPeer.TICK_MS + 1);
        PhaseFailed failure = assertThrows(PhaseFailed.class, leader::tick);
        assertTrue(failure.getMessage().contains("lost the quorum"), failure.getMessage());
    }

    @Test
    void givesUpWhenNoQuorumArrivesWithinInitLimit() throws Exception {
        leader = new LeaderPhase(peer.ctx);
        connect(4, 0, true);
        peer.clock.advanceMillis(TestPeer.INIT_LIMIT_TICKS * TestPeer.TICK_MS + 1);
        PhaseFailed failure = assertThrows(PhaseFailed.class, leader::tick);
        assertTrue(failure.getMessage().contains("waiting for epoch"), failure.getMessage());
    }

    @Test
    void pingsLearnersEveryHalfTickAndTakesTheirSessionTouches() throws Exception {
        RecordingLink follower = leadWithFollower2();
        follower.drain();
        peer.clock.advanceMillis(TestPeer.TICK_MS);
        leader.tick();
        assertEquals("PING", follower.drainTypes());
    }

    @Test
    void aLearnerStillSyncingMayBeSilentForInitLimitRatherThanSyncLimit() throws Exception {
        RecordingLink follower = leadWithFollower2();
        RecordingLink syncing = connect(3, 0, false);
        ackEpoch(syncing, 0, peer.ctx.tree.lastProcessedZxid());
        assertEquals("LEADERINFO DIFF NEWLEADER", syncing.drainTypes());
        // ZooKeeper's learner says nothing between ACKEPOCH and the ACK of NEWLEADER, however long
        // loading the leader's snapshot takes.
        for (int tick = 0; tick < TestPeer.INIT_LIMIT_TICKS; tick++) {
            peer.clock.advanceMillis(TestPeer.TICK_MS);
            leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.PING, 0, new byte[0])));
            leader.tick();
        }
        assertFalse(syncing.closed, "a syncing learner is not held to syncLimit");
        peer.clock.advanceMillis(TestPeer.TICK_MS);
        leader.handle(new QuorumEvent.Packet(follower, packet(QuorumPacketType.PING, 0, new byte[0])));
        leader.tick();
        assertTrue(syncing.closed, "but to initLimit");
    }
}
