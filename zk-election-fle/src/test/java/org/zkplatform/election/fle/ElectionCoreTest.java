package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.election.HierarchicalQuorum;
import org.zkplatform.api.election.MajorityQuorum;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.QuorumVerifier;
import org.zkplatform.api.election.Vote;
import org.zkplatform.election.fle.ElectionActions.Basis;
import org.zkplatform.election.fle.ElectionActions.Decision;
import org.zkplatform.election.fle.ElectionActions.Outgoing;
import org.zkplatform.election.fle.ElectionEvent.LocalView;
import org.zkplatform.election.fle.ElectionEvent.Received;
import org.zkplatform.election.fle.ElectionEvent.StartLooking;
import org.zkplatform.election.fle.ElectionEvent.Timeout;

/** The election round, one event at a time, against ZooKeeper's lookForLeader. */
class ElectionCoreTest {

    private static final QuorumVerifier THREE = new MajorityQuorum(Set.of(1L, 2L, 3L), Set.of(4L), 0);
    private static final QuorumVerifier FIVE = new MajorityQuorum(Set.of(1L, 2L, 3L, 4L, 5L), Set.of(), 0);
    private static final LocalView LOOKING_VIEW = new LocalView(PeerState.LOOKING, new Vote(0, 0, 0, 0, PeerState.LOOKING));

    private static ElectionCore core(long id, QuorumVerifier verifier) {
        return new ElectionCore(id, verifier, RoundTimings.defaults(), 100);
    }

    private static Notification looking(long leader, long zxid, long round, long epoch) {
        return Notification.of(PeerState.LOOKING, leader, zxid, round, epoch);
    }

    private static ElectionActions receive(ElectionCore core, long now, long from, Notification n) {
        return core.step(new Received(now, from, n, LOOKING_VIEW));
    }

    private static List<Long> recipients(ElectionActions actions) {
        return actions.sends().stream().map(Outgoing::toSid).toList();
    }

    @Test
    void aRoundStartsWithAVoteForItselfToEveryVoter() {
        ElectionCore core = core(1, THREE);
        ElectionActions actions = core.step(new StartLooking(1_000, 0x100000005L, 1));
        assertEquals(List.of(1L, 2L, 3L), recipients(actions), "every voter, ourselves included, and no observer");
        actions.sends().forEach(send -> assertEquals(looking(1, 0x100000005L, 1, 1), send.notification()));
        assertEquals(1_200, core.deadlineMillis().getAsLong(), "the first wait is the minimum notification interval");
        assertTrue(core.isLooking());
    }

    @Test
    void adoptsABetterVoteAndTellsEveryone() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 5, 1));
        ElectionActions actions = receive(core, 10, 2, looking(2, 7, 1, 1));
        assertEquals(List.of(1L, 2L, 3L), recipients(actions));
        assertEquals(looking(2, 7, 1, 1), actions.sends().get(0).notification());

        ElectionActions worse = receive(core, 20, 3, looking(3, 6, 1, 1));
        assertTrue(worse.isEmpty(), "a worse vote changes nothing");
        ElectionActions epoch = receive(core, 30, 3, looking(3, 1, 1, 2));
        assertEquals(looking(3, 1, 1, 2), epoch.sends().get(0).notification(), "a higher peer epoch beats any zxid");
    }

    @Test
    void decidesAfterTheFinalizeWaitWhenAQuorumAgrees() {
        ElectionCore core = core(3, THREE);
        core.step(new StartLooking(0, 5, 1));
        assertTrue(receive(core, 1, 3, looking(3, 5, 1, 1)).isEmpty());
        assertTrue(receive(core, 2, 1, looking(3, 5, 1, 1)).isEmpty(), "a quorum agrees: wait, do not decide yet");
        assertEquals(202, core.deadlineMillis().getAsLong());
        assertTrue(core.step(new Timeout(201, true)).isEmpty(), "an early timeout is ignored");

        Decision decision = core.step(new Timeout(202, true)).decision().orElseThrow();
        assertEquals(new Vote(3, 5, 1, 1, PeerState.LEADING), decision.vote());
        assertEquals(Basis.ELECTED, decision.basis());
        assertEquals(Set.of(1L, 3L), decision.supporters());
        assertEquals(202, decision.roundMillis());
        assertFalse(core.isLooking());
        assertTrue(core.deadlineMillis().isEmpty());
    }

    @Test
    void aFollowerDecidesToFollowTheAgreedLeader() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 5, 1));
        receive(core, 1, 3, looking(3, 5, 1, 1));
        receive(core, 2, 1, looking(3, 5, 1, 1));
        Decision decision = core.step(new Timeout(202, true)).decision().orElseThrow();
        assertEquals(new Vote(3, 5, 1, 1, PeerState.FOLLOWING), decision.vote());
    }

    @Test
    void aBetterVoteDuringTheFinalizeWaitCancelsTheDecision() {
        ElectionCore core = core(2, THREE);
        core.step(new StartLooking(0, 5, 1));
        receive(core, 1, 2, looking(2, 5, 1, 1));
        receive(core, 2, 1, looking(2, 5, 1, 1));
        ElectionActions better = receive(core, 50, 3, looking(3, 5, 1, 1));
        assertEquals(looking(3, 5, 1, 1), better.sends().get(0).notification(), "the better vote is taken up at once");
        assertEquals(250, core.deadlineMillis().getAsLong(), "back to the notification interval");
        assertTrue(core.step(new Timeout(250, true)).decision().isEmpty(), "no quorum for 3 yet");
    }

    @Test
    void aVoteThatIsNotBetterDuringTheFinalizeWaitRestartsIt() {
        ElectionCore core = core(3, THREE);
        core.step(new StartLooking(0, 5, 1));
        receive(core, 5, 3, looking(3, 5, 1, 1));
        receive(core, 10, 1, looking(3, 5, 1, 1));
        assertEquals(210, core.deadlineMillis().getAsLong());
        assertTrue(receive(core, 100, 2, looking(2, 5, 1, 1)).isEmpty());
        assertEquals(300, core.deadlineMillis().getAsLong(), "any message restarts the quiet period");
        assertTrue(core.step(new Timeout(299, true)).isEmpty());
        Decision decision = core.step(new Timeout(300, true)).decision().orElseThrow();
        assertEquals(Set.of(1L, 3L), decision.supporters(), "the vote polled during the wait is consumed, not counted");
    }

    @Test
    void theNotificationIntervalDoublesUpToTheMaximum() {
        ElectionCore core = new ElectionCore(1, THREE, new RoundTimings(200, 200, 1_000), 10);
        core.step(new StartLooking(0, 5, 1));
        assertEquals(List.of(1L, 2L, 3L), recipients(core.step(new Timeout(200, true))), "our notifications go out again");
        assertEquals(600, core.deadlineMillis().getAsLong());
        core.step(new Timeout(600, true));
        assertEquals(1_400, core.deadlineMillis().getAsLong());
        core.step(new Timeout(1_400, true));
        assertEquals(2_400, core.deadlineMillis().getAsLong(), "capped at the maximum");
        receive(core, 2_000, 2, looking(1, 5, 1, 1));
        assertEquals(3_000, core.deadlineMillis().getAsLong(), "a message restarts the wait; the interval stays doubled");
    }

    @Test
    void withUndeliveredMessagesItAsksForConnectionsInsteadOfResending() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 5, 1));
        ElectionActions actions = core.step(new Timeout(200, false));
        assertTrue(actions.connectAll());
        assertTrue(actions.sends().isEmpty());
    }

    @Test
    void aNewerRoundResetsTheTallyAndComparesWithTheInitialVote() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 9, 1));
        receive(core, 1, 3, looking(3, 9, 1, 1)); // adopt 3 (same zxid, larger id)
        ElectionActions jump = receive(core, 2, 2, looking(2, 8, 5, 1));
        assertEquals(5, core.logicalClock());
        assertEquals(looking(1, 9, 5, 1), jump.sends().get(0).notification(),
                "the new round starts from our own vote, which beats 2's, not from the adopted 3");
    }

    @Test
    void olderRoundsAreIgnoredButToldOurs() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 9, 1));
        receive(core, 1, 2, looking(2, 8, 4, 1));
        ElectionActions old = receive(core, 2, 3, looking(3, 99, 2, 9));
        assertEquals(List.of(3L), recipients(old), "only the server behind is answered");
        assertEquals(looking(1, 9, 4, 1), old.sends().get(0).notification());
        assertEquals(looking(1, 9, 4, 1).leader(), core.proposal().leader(), "its better vote from an old round is ignored");
    }

    @Test
    void joinsARunningLeaderOnlyWhenTheLeaderItselfSaysItLeads() {
        ElectionCore core = core(4, FIVE);
        core.step(new StartLooking(0, 3, 1));
        Notification following = Notification.of(PeerState.FOLLOWING, 3, 0x200000010L, 7, 2);
        assertTrue(receive(core, 1, 1, following).decision().isEmpty());
        assertTrue(receive(core, 2, 2, following).decision().isEmpty());
        assertTrue(receive(core, 3, 5, following).decision().isEmpty(), "a quorum follows 3, but 3 has not said it leads");

        Decision decision = receive(core, 4, 3, Notification.of(PeerState.LEADING, 3, 0x200000010L, 7, 2)).decision().orElseThrow();
        assertEquals(new Vote(3, 0x200000010L, 7, 2, PeerState.FOLLOWING), decision.vote());
        assertEquals(Basis.ESTABLISHED_LEADER, decision.basis());
        assertEquals(7, core.logicalClock(), "the round is the leader's");
    }

    @Test
    void answersToARoundThatIsOverDoNotDecideTheNextOne() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 3, 1));
        receive(core, 1, 2, Notification.of(PeerState.FOLLOWING, 3, 5, 1, 1));
        receive(core, 2, 3, Notification.of(PeerState.LEADING, 3, 5, 1, 1)).decision().orElseThrow();
        // Late answers to the same round arrive while the server still says LOOKING, before it follows.
        receive(core, 3, 2, Notification.of(PeerState.FOLLOWING, 3, 5, 1, 1));
        receive(core, 4, 3, Notification.of(PeerState.LEADING, 3, 5, 1, 1));

        // Leader 3 dies; the next round must not follow it on those answers.
        ElectionActions start = core.step(new StartLooking(10_000, 5, 1));
        assertTrue(start.decision().isEmpty(), "decided on stale answers: " + start.decision());
        assertTrue(core.isLooking());
    }

    @Test
    void lookingNotificationsBetweenRoundsAreKeptForTheNextRound() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 3, 1));
        receive(core, 1, 2, Notification.of(PeerState.FOLLOWING, 3, 5, 1, 1));
        receive(core, 2, 3, Notification.of(PeerState.LEADING, 3, 5, 1, 1)).decision().orElseThrow();
        receive(core, 3, 2, looking(2, 9, 2, 1));

        ElectionActions start = core.step(new StartLooking(10_000, 5, 1));
        assertEquals(2, core.proposal().leader(), "the kept notification of server 2 (zxid 9) was counted");
        assertTrue(start.decision().isEmpty());
    }

    @Test
    void followersOfThisRoundCountWithTheirLeader() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 3, 1));
        receive(core, 1, 2, Notification.of(PeerState.FOLLOWING, 3, 5, 1, 1));
        Decision decision = receive(core, 2, 3, Notification.of(PeerState.LEADING, 3, 5, 1, 1)).decision().orElseThrow();
        assertEquals(Basis.LEADER_OF_THIS_ROUND, decision.basis());
        assertEquals(Set.of(2L, 3L), decision.supporters());
    }

    @Test
    void aFollowingServerAnswersLookingPeersWithItsLeader() {
        ElectionCore core = core(1, THREE);
        Vote leader = new Vote(3, 0x100000004L, 2, 1, PeerState.FOLLOWING);
        LocalView following = new LocalView(PeerState.FOLLOWING, leader);
        ElectionActions answer = core.step(new Received(5, 2, looking(2, 1, 1, 1), following));
        assertEquals(List.of(new Outgoing(2, Notification.of(PeerState.FOLLOWING, leader))), answer.sends());
        assertTrue(core.step(new Received(6, 2, Notification.of(PeerState.FOLLOWING, 3, 4, 2, 1), following)).isEmpty(),
                "only looking peers are answered");
        assertFalse(core.isLooking());
    }

    @Test
    void observersAreAnsweredAtOnceAndNeverCounted() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 5, 1));
        Vote current = new Vote(1, 5, 0, 1, PeerState.LOOKING);
        ElectionActions answer = core.step(new Received(1, 4, looking(Long.MIN_VALUE, Long.MIN_VALUE, 1, Long.MIN_VALUE),
                new LocalView(PeerState.LOOKING, current)));
        assertEquals(List.of(new Outgoing(4, looking(1, 5, 1, 1))), answer.sends(), "current vote, our round, our state");
        ElectionActions tempId = core.step(new Received(2, -1, looking(3, 5, 1, 1), new LocalView(PeerState.LOOKING, current)));
        assertEquals(List.of(-1L), recipients(tempId), "an anonymous observer too");
        receive(core, 3, 1, looking(1, 5, 1, 1));
        ElectionActions later = core.step(new Timeout(203, true));
        assertTrue(later.decision().isEmpty(), "our own vote alone is not a quorum of three");
        assertEquals(3, later.sends().size(), "not finalizing: the notifications go out again");
    }

    @Test
    void anObserverProposesNobodyAndEndsObserving() {
        ElectionCore core = core(4, THREE);
        ElectionActions start = core.step(new StartLooking(0, 5, 1));
        assertEquals(List.of(1L, 2L, 3L), recipients(start), "observers notify the voters only");
        assertEquals(looking(Long.MIN_VALUE, Long.MIN_VALUE, 1, Long.MIN_VALUE), start.sends().get(0).notification());
        receive(core, 1, 1, looking(3, 5, 1, 1));
        receive(core, 2, 2, looking(3, 5, 1, 1));
        Decision decision = core.step(new Timeout(202, true)).decision().orElseThrow();
        assertEquals(new Vote(3, 5, 1, 1, PeerState.OBSERVING), decision.vote());
    }

    @Test
    void aServerOfWeightZeroNeverWins() {
        QuorumVerifier weighted = new HierarchicalQuorum(Map.of(1L, 0L, 2L, 0L, 3L, 0L), Map.of(3L, 0L), Set.of(), 0);
        ElectionCore core = core(1, weighted);
        core.step(new StartLooking(0, 5, 1));
        assertTrue(receive(core, 1, 3, looking(3, 99, 1, 9)).sends().isEmpty(), "3 has the best log but weighs nothing");
        assertEquals(1, core.proposal().leader());
    }

    @Test
    void notificationsWithZxidMinusOneAreIgnored() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 5, 1));
        assertTrue(receive(core, 1, 2, looking(2, -1, 1, 9)).isEmpty());
        ElectionCore empty = core(2, THREE);
        empty.step(new StartLooking(0, -1, 1));
        assertTrue(receive(empty, 1, 3, looking(3, 5, 1, 1)).isEmpty(), "a server whose own zxid is -1 ignores looking peers");
    }

    @Test
    void untilTheServerSwitchesStateItKeepsNotificationsAsZooKeeperDoes() {
        ElectionCore core = core(3, THREE);
        core.step(new StartLooking(0, 5, 1));
        receive(core, 1, 3, looking(3, 5, 1, 1));
        receive(core, 2, 1, looking(3, 5, 1, 1));
        core.step(new Timeout(202, true));
        assertTrue(receive(core, 300, 2, looking(2, 1, 1, 1)).isEmpty(),
                "the server still says LOOKING: the notification waits for a next round, unanswered");
        ElectionActions behind = receive(core, 301, 1, looking(1, 5, 0, 1));
        assertEquals(List.of(new Outgoing(1, looking(3, 5, 1, 1))), behind.sends(), "a peer of an older round hears ours");
        LocalView leading = new LocalView(PeerState.LEADING, new Vote(3, 5, 1, 1, PeerState.LEADING));
        assertEquals(List.of(new Outgoing(2, Notification.of(PeerState.LEADING, 3, 5, 1, 1))),
                core.step(new Received(400, 2, looking(2, 1, 1, 1), leading)).sends(), "once switched, it answers as leader");
    }

    @Test
    void lookingWithoutARoundKeepsNotificationsForTheNextRound() {
        ElectionCore core = core(1, THREE);
        assertTrue(receive(core, 0, 3, looking(3, 5, 1, 1)).isEmpty());
        assertTrue(receive(core, 0, 2, looking(3, 5, 1, 1)).isEmpty());
        ElectionActions start = core.step(new StartLooking(10, 5, 1));
        assertEquals(6, start.sends().size(), "our own vote, then 3's adopted from the queue");
        assertEquals(210, core.deadlineMillis().getAsLong(), "3's vote already has a quorum: finalize wait");
        assertEquals(3, core.step(new Timeout(210, true)).decision().orElseThrow().vote().leader());
    }

    @Test
    void theLogicalClockCarriesOverToTheNextRound() {
        ElectionCore core = core(1, THREE);
        core.step(new StartLooking(0, 5, 1));
        receive(core, 1, 2, looking(2, 5, 6, 1));
        assertEquals(6, core.logicalClock());
        receive(core, 2, 1, looking(2, 5, 6, 1));
        core.step(new Timeout(202, true));
        core.step(new StartLooking(1_000, 5, 1));
        assertEquals(7, core.logicalClock());
    }
}
