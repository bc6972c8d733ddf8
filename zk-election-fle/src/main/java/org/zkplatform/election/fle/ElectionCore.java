package org.zkplatform.election.fle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/**
 * Fast Leader Election for one server, as a state machine: ZooKeeper's
 * {@code FastLeaderElection.lookForLeader} together with the answering its {@code WorkerReceiver}
 * does, fed with {@link ElectionEvent}s and returning {@link ElectionActions}. No threads, clocks,
 * sockets or randomness: the same events give the same actions, which is what the simulation
 * tests rely on. Not thread-safe; one driver owns it.
 *
 * <p>It lives as long as the server's election: the logical clock carries over from round to
 * round, and between rounds the core still answers peers that are looking.
 *
 * <p>A round: increment the logical clock, propose ourselves (observers propose nobody), notify
 * every voter. Then for each LOOKING notification of the current round adopt the better vote
 * (peer epoch, then zxid, then id; a server of weight 0 never wins) and notify again; a newer
 * round resets the tally; an older one is ignored. When the votes equal to our proposal form a
 * quorum, wait {@code finalizeWait} for anything better; if nothing better comes, decide. A
 * FOLLOWING or LEADING notification counts towards following that leader once a quorum backs it
 * and the leader itself says it leads ({@code checkLeader}): that is how a restarted server joins
 * a running ensemble without a new election. While nothing arrives, the wait doubles from the
 * minimum to the maximum notification interval and our notifications are sent again.
 */
public final class ElectionCore {

    private static final Logger LOG = LoggerFactory.getLogger(ElectionCore.class);
    /** Senders we already warned about for proposing a non-member; bounded like the ensemble. */
    private static final int WARNED_SENDERS_MAX = 256;
    private static final int ANSWERED_NON_VOTERS_MAX = 1_024;

    private final long myId;
    private final QuorumVerifier verifier;
    private final boolean participant;
    /**
     * Whether we vote. A non-voter never answers anyone: voters use nothing a non-voter sends but
     * its request for their vote.
     */
    private final boolean voter;
    private final RoundTimings timings;
    private final int pendingCapacity;
    /** Voting members in id order, so that the order of sends is deterministic. */
    private final List<Long> voters;

    private long logicalClock;
    private long proposedLeader = -1;
    private long proposedZxid = -1;
    private long proposedEpoch;

    private boolean looking;
    private long initialLeader;
    private long initialZxid;
    private long initialEpoch;
    private long roundStartMillis;
    /** This round's votes, by sender. */
    private final Map<Long, TalliedVote> recvset = new HashMap<>();
    /** FOLLOWING and LEADING votes of any round, by sender: the evidence for joining a running leader. */
    private final Map<Long, TalliedVote> outOfElection = new HashMap<>();
    private long notificationIntervalMillis;
    private long deadlineMillis;
    private boolean finalizing;
    private Set<Long> finalizingSupporters = Set.of();
    /** Notifications that arrived while the server was LOOKING but no round ran (ZooKeeper's receive queue). */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final Set<Long> warnedSenders = new HashSet<>();
    /** The last answer to each non-voter, to send the same one at most once per interval. */
    private final Map<Long, Answered> answeredNonVoters = new HashMap<>();

    private record Pending(long fromSid, Notification notification) {
    }

    private record Answered(Notification answer, long atMillis) {
    }

    /**
     * @param myId this server's id; must be configured (participant or observer)
     * @param pendingCapacity how many notifications to keep while LOOKING without a round
     */
    public ElectionCore(long myId, QuorumVerifier verifier, RoundTimings timings, int pendingCapacity) {
        this.verifier = Objects.requireNonNull(verifier, "verifier is null");
        this.timings = Objects.requireNonNull(timings, "timings is null");
        if (!verifier.isVotingMember(myId) && !verifier.observers().contains(myId)) {
            throw new IllegalArgumentException("server " + myId + " is not in the ensemble");
        }
        if (pendingCapacity < 1) {
            throw new IllegalArgumentException("pendingCapacity must be positive: " + pendingCapacity);
        }
        this.myId = myId;
        this.participant = !verifier.observers().contains(myId);
        this.voter = verifier.isVotingMember(myId);
        this.pendingCapacity = pendingCapacity;
        List<Long> sorted = new ArrayList<>(verifier.votingMembers());
        sorted.sort(Long::compare);
        this.voters = List.copyOf(sorted);
    }

    /** Feeds one event. */
    public ElectionActions step(ElectionEvent event) {
        Objects.requireNonNull(event, "event is null");
        if (event instanceof StartLooking start) {
            return start(start);
        }
        if (event instanceof Received received) {
            return receive(received);
        }
        return timeout((Timeout) event);
    }

    /** When the driver must deliver a {@link Timeout}: during a round only. */
    public OptionalLong deadlineMillis() {
        return looking ? OptionalLong.of(deadlineMillis) : OptionalLong.empty();
    }

    /** The logical clock: the current or last round. */
    public long logicalClock() {
        return logicalClock;
    }

    /** Whether a round is running. */
    public boolean isLooking() {
        return looking;
    }

    /** Our current proposal, in the current round. */
    public Vote proposal() {
        return new Vote(proposedLeader, proposedZxid, logicalClock, proposedEpoch, PeerState.LOOKING);
    }

    private ElectionActions start(StartLooking event) {
        Out out = new Out();
        looking = true;
        finalizing = false;
        finalizingSupporters = Set.of();
        recvset.clear();
        outOfElection.clear();
        notificationIntervalMillis = timings.minNotificationIntervalMillis();
        logicalClock++;
        initialLeader = verifier.isVotingMember(myId) ? myId : Long.MIN_VALUE;
        initialZxid = participant ? event.lastLoggedZxid() : Long.MIN_VALUE;
        initialEpoch = participant ? event.currentEpoch() : Long.MIN_VALUE;
        propose(initialLeader, initialZxid, initialEpoch);
        roundStartMillis = event.nowMillis();
        deadlineMillis = event.nowMillis() + notificationIntervalMillis;
        sendNotifications(out);
        int queued = pending.size();
        for (int i = 0; i < queued && looking; i++) {
            Pending next = pending.pollFirst();
            inRound(event.nowMillis(), next.fromSid(), next.notification(), out);
        }
        pending.clear();
        return out.build();
    }

    private ElectionActions receive(Received event) {
        Out out = new Out();
        Notification n = event.notification();
        long from = event.fromSid();
        LocalView view = effectiveView(event.local());
        if (!verifier.isVotingMember(from)) {
            answerNonVoter(event.nowMillis(), from, n, view, out);
            return out.build();
        }
        if (view.state() == PeerState.LOOKING) {
            if (voter && n.state() == PeerState.LOOKING && n.electionEpoch() < logicalClock) {
                // A peer behind us: tell it our round and proposal so it catches up.
                out.send(from, Notification.of(PeerState.LOOKING, proposedLeader, proposedZxid, logicalClock, proposedEpoch));
            }
            if (looking) {
                inRound(event.nowMillis(), from, n, out);
            } else if (n.state() == PeerState.LOOKING) {
                // Kept for the next round. A FOLLOWING or LEADING notification is not: peers send
                // those only to answer our LOOKING ones, so outside a round it answers a round that
                // is over, and may name a leader that has died since. Replayed at the next start,
                // such stale answers made a server follow a leader killed a moment before.
                if (pending.size() == pendingCapacity) {
                    pending.pollFirst();
                }
                pending.addLast(new Pending(from, n));
            }
        } else if (voter && n.state() == PeerState.LOOKING) {
            // We follow or lead: tell the looking peer whom, so it can join instead of starting an election.
            out.send(from, Notification.of(view.state(), view.currentVote()));
        }
        return out.build();
    }

    /**
     * An observer (or a server outside the voting view) takes no part in rounds; when it is looking
     * it gets our vote at once, so it can find the leader.
     *
     * <p>Two departures from ZooKeeper, which answers whatever such a server sends: we answer only
     * looking ones, and the same answer to the same server at most once per minimum notification
     * interval. Otherwise an answer bounces: an observing observer answers every looking server, and
     * a looking observer answers a voter of an older round, each time drawing a new answer (our
     * simulation found both loops; they last as long as the voter looks).
     */
    private void answerNonVoter(long now, long from, Notification n, LocalView view, Out out) {
        if (n.state() != PeerState.LOOKING) {
            return;
        }
        Vote current = view.currentVote();
        Notification answer = Notification.of(view.state(), current.leader(), current.zxid(), logicalClock, current.peerEpoch());
        Answered last = answeredNonVoters.get(from);
        if (last != null && last.answer().equals(answer) && now - last.atMillis() < timings.minNotificationIntervalMillis()) {
            return;
        }
        if (answeredNonVoters.size() >= ANSWERED_NON_VOTERS_MAX) {
            answeredNonVoters.clear(); // anonymous observers get fresh ids; forget them all rather than grow
        }
        answeredNonVoters.put(from, new Answered(answer, now));
        out.send(from, answer);
    }

    /**
     * The state to answer peers with: LOOKING during a round whatever the server says, else the
     * server's own. Between a decision and the server's switch to the decided state, the server
     * still says LOOKING and notifications wait for a next round, as in ZooKeeper when it is LOOKING
     * outside lookForLeader; answering with the decision instead would answer with a stale one once
     * the server has lost that leader and looks again.
     */
    private LocalView effectiveView(LocalView local) {
        return looking ? new LocalView(PeerState.LOOKING, local.currentVote()) : local;
    }

    private ElectionActions timeout(Timeout event) {
        if (!looking || event.nowMillis() < deadlineMillis) {
            return ElectionActions.NONE;
        }
        Out out = new Out();
        if (finalizing) {
            decide(event.nowMillis(), proposedLeader, proposedZxid, logicalClock, proposedEpoch, Basis.ELECTED,
                    finalizingSupporters, out);
            return out.build();
        }
        if (event.delivered()) {
            sendNotifications(out);
        } else {
            out.connectAll = true;
        }
        notificationIntervalMillis = Math.min(notificationIntervalMillis * 2, timings.maxNotificationIntervalMillis());
        deadlineMillis = event.nowMillis() + notificationIntervalMillis;
        return out.build();
    }

    /** One notification polled by the round (ZooKeeper's loop body in lookForLeader). */
    private void inRound(long now, long from, Notification n, Out out) {
        if (finalizing) {
            if (!totalOrder(n.leader(), n.zxid(), n.peerEpoch(), proposedLeader, proposedZxid, proposedEpoch)) {
                // Not better: consumed, and the quiet period starts again, as ZooKeeper's finalize poll does.
                deadlineMillis = now + timings.finalizeWaitMillis();
                return;
            }
            finalizing = false;
            finalizingSupporters = Set.of();
        }
        deadlineMillis = now + notificationIntervalMillis;
        if (!verifier.isVotingMember(from) || !verifier.isVotingMember(n.leader())) {
            if (warnedSenders.size() < WARNED_SENDERS_MAX && warnedSenders.add(from)) {
                LOG.warn("Ignoring notification from server {} for server {}, which is not a voting member", from, n.leader());
            }
            return;
        }
        switch (n.state()) {
            case LOOKING -> lookingNotification(now, from, n, out);
            case FOLLOWING, LEADING -> leaderNotification(now, from, n, out);
            case OBSERVING -> LOG.debug("Notification from observer {}", from);
            default -> throw new IllegalStateException("unknown state " + n.state());
        }
    }

    private void lookingNotification(long now, long from, Notification n, Out out) {
        if (initialZxid == -1) {
            LOG.debug("Ignoring notification as our zxid is -1");
            return;
        }
        if (n.zxid() == -1) {
            LOG.debug("Ignoring notification from server {} with zxid -1", from);
            return;
        }
        if (n.electionEpoch() > logicalClock) {
            logicalClock = n.electionEpoch();
            recvset.clear();
            if (totalOrder(n.leader(), n.zxid(), n.peerEpoch(), initialLeader, initialZxid, initialEpoch)) {
                propose(n.leader(), n.zxid(), n.peerEpoch());
            } else {
                propose(initialLeader, initialZxid, initialEpoch);
            }
            sendNotifications(out);
        } else if (n.electionEpoch() < logicalClock) {
            return;
        } else if (totalOrder(n.leader(), n.zxid(), n.peerEpoch(), proposedLeader, proposedZxid, proposedEpoch)) {
            propose(n.leader(), n.zxid(), n.peerEpoch());
            sendNotifications(out);
        }
        recvset.put(from, TalliedVote.looking(n.leader(), n.zxid(), n.electionEpoch(), n.peerEpoch()));
        Set<Long> agreeing = agreeing(recvset,
                TalliedVote.looking(proposedLeader, proposedZxid, logicalClock, proposedEpoch));
        if (verifier.containsQuorum(agreeing)) {
            finalizing = true;
            finalizingSupporters = agreeing;
            deadlineMillis = now + timings.finalizeWaitMillis();
        }
    }

    private void leaderNotification(long now, long from, Notification n, Out out) {
        TalliedVote vote = TalliedVote.of(n);
        if (n.electionEpoch() == logicalClock) {
            recvset.put(from, TalliedVote.ofWithoutVersion(n));
            Set<Long> agreeing = agreeing(recvset, vote);
            if (verifier.containsQuorum(agreeing) && checkLeader(recvset, n.leader(), n.electionEpoch())) {
                decide(now, n.leader(), n.zxid(), n.electionEpoch(), n.peerEpoch(), Basis.LEADER_OF_THIS_ROUND, agreeing, out);
                return;
            }
        }
        // Votes from earlier rounds too (ZOOKEEPER-1732): a server that restarted joins a quorum that follows a leader.
        outOfElection.put(from, vote);
        Set<Long> agreeing = agreeing(outOfElection, vote);
        if (verifier.containsQuorum(agreeing) && checkLeader(outOfElection, n.leader(), n.electionEpoch())) {
            logicalClock = n.electionEpoch();
            decide(now, n.leader(), n.zxid(), n.electionEpoch(), n.peerEpoch(), Basis.ESTABLISHED_LEADER, agreeing, out);
        }
    }

    /**
     * A leader other than us must have told us itself that it leads; this keeps servers from
     * electing, over and over, a leader that crashed. If the votes name us, the round must be ours.
     */
    private boolean checkLeader(Map<Long, TalliedVote> votes, long leader, long electionEpoch) {
        if (leader != myId) {
            TalliedVote own = votes.get(leader);
            return own != null && own.state() == PeerState.LEADING;
        }
        return logicalClock == electionEpoch;
    }

    private void decide(long now, long leader, long zxid, long electionEpoch, long peerEpoch, Basis basis,
                        Set<Long> supporters, Out out) {
        PeerState state = leader == myId ? PeerState.LEADING : participant ? PeerState.FOLLOWING : PeerState.OBSERVING;
        Vote vote = new Vote(leader, zxid, electionEpoch, peerEpoch, state);
        looking = false;
        finalizing = false;
        finalizingSupporters = Set.of();
        pending.clear();
        out.decision = new Decision(vote, basis, supporters, now - roundStartMillis);
    }

    /**
     * ZooKeeper's {@code totalOrderPredicate}: whether the new vote beats the current one by peer
     * epoch, then zxid, then server id. A candidate of weight 0 never wins.
     */
    private boolean totalOrder(long newId, long newZxid, long newEpoch, long curId, long curZxid, long curEpoch) {
        if (verifier.weight(newId) == 0) {
            return false;
        }
        return newEpoch > curEpoch
                || newEpoch == curEpoch && (newZxid > curZxid || newZxid == curZxid && newId > curId);
    }

    private static Set<Long> agreeing(Map<Long, TalliedVote> votes, TalliedVote vote) {
        Set<Long> agreeing = new HashSet<>();
        for (Map.Entry<Long, TalliedVote> entry : votes.entrySet()) {
            if (vote.sameVoteAs(entry.getValue())) {
                agreeing.add(entry.getKey());
            }
        }
        return agreeing;
    }

    private void propose(long leader, long zxid, long epoch) {
        proposedLeader = leader;
        proposedZxid = zxid;
        proposedEpoch = epoch;
    }

    private void sendNotifications(Out out) {
        Notification notification = Notification.of(PeerState.LOOKING, proposedLeader, proposedZxid, logicalClock, proposedEpoch);
        for (Long sid : voters) {
            out.send(sid, notification);
        }
    }

    /** Collects the actions of one step. */
    private static final class Out {
        private final List<Outgoing> sends = new ArrayList<>();
        private boolean connectAll;
        private Decision decision;

        void send(long to, Notification notification) {
            sends.add(new Outgoing(to, notification));
        }

        ElectionActions build() {
            if (sends.isEmpty() && !connectAll && decision == null) {
                return ElectionActions.NONE;
            }
            return new ElectionActions(sends, connectAll, Optional.ofNullable(decision));
        }
    }
}
