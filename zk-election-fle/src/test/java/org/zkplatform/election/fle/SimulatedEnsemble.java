package org.zkplatform.election.fle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.zkplatform.api.election.MajorityQuorum;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.QuorumVerifier;
import org.zkplatform.api.election.Vote;
import org.zkplatform.election.fle.ElectionActions.Basis;
import org.zkplatform.election.fle.ElectionActions.Decision;
import org.zkplatform.election.fle.ElectionActions.Outgoing;
import org.zkplatform.election.fle.ElectionEvent.LocalView;
import org.zkplatform.election.fle.NotificationCodec.Decoded;

/**
 * N election cores in one thread, on a simulated clock and network, all randomness from one seed:
 * the same seed replays the same run, event for event.
 *
 * <p>The network delays (reordering), loses, duplicates and partitions messages, which travel as
 * real bytes through {@link NotificationCodec}. Servers crash and restart with a fresh core. Around
 * the election sits a minimal stand-in for ZAB, since a server's life after an election feeds the
 * next one: a leader that gathers a quorum of followers within its init limit establishes a new
 * epoch (one above the largest among them) and writes transactions; followers sync to it; anyone
 * who loses its leader or its quorum goes back to LOOKING.
 *
 * <p>Invariants, checked as the run goes: at any instant at most one leader is followed by a
 * quorum; at most one leader establishes each epoch; a leader elected by votes of this round has
 * a (peer epoch, zxid) at least as high as that of every voter whose vote elected it; every elected
 * leader is a voter, and exactly the elected server leads; a cut-off minority never decides. At the
 * end: once the network heals, every server follows one established leader.
 */
final class SimulatedEnsemble {

    /** How long a new leader waits for a quorum of followers, and a follower for its leader: ZooKeeper's initLimit x tickTime (10 x 2 s). */
    static final long INIT_LIMIT_MILLIS = 20_000;
    static final long SYNC_CHECK_MILLIS = 50;
    static final long LIVENESS_MILLIS = 500;
    static final long STABLE_FOR_MILLIS = 5_000;
    static final long CONVERGE_WITHIN_MILLIS = 900_000;
    static final long MINORITY_RUN_MILLIS = 300_000;
    static final int EVENTS_MAX = 2_000_000;
    static final int TRACE_LINES = Integer.getInteger("sim.trace", 300);
    private static final byte[] CONFIG = "version=0".getBytes(StandardCharsets.UTF_8);

    /** What a run found. */
    record Result(List<String> violations, List<String> traceTail, long fingerprint, long events, int decisions,
                  long endMillis) {
    }

    private enum Kind { START, DELIVER, TICK, CHECK, CRASH, RESTART, REPARTITION, HEAL }

    private record Event(long time, long sequence, Kind kind, int server, int from, int incarnation, byte[] bytes) {
    }

    private static final class Server {
        final int id;
        final boolean voter;
        ElectionCore core;
        int incarnation;
        boolean up;
        PeerState state = PeerState.LOOKING;
        Vote currentVote;
        long zxid;
        long epoch;
        boolean established;
        long decidedAt;
        long nextTickAt = Long.MIN_VALUE;

        Server(int id, boolean voter) {
            this.id = id;
            this.voter = voter;
        }
    }

    private final long seed;
    private final SimScenario scenario;
    private final Random random;
    private final QuorumVerifier verifier;
    private final Server[] servers;
    private final int[] side;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            Comparator.comparingLong(Event::time).thenComparingLong(Event::sequence));
    private long now;
    private long sequence;
    private boolean partitioned;
    private boolean healed;
    private final Deque<String> trace = new ArrayDeque<>();
    private long fingerprint = 17;
    private long events;
    private int decisions;
    private final List<String> violations = new ArrayList<>();
    private final Map<Long, Integer> leaderOfEpoch = new HashMap<>();
    /** "sid/round" to the lowest (epoch, zxid) the server held while it sent LOOKING votes in that round. */
    private final Map<String, long[]> initialByRound = new HashMap<>();

    SimulatedEnsemble(long seed, SimScenario scenario) {
        this.seed = seed;
        this.scenario = scenario;
        this.random = new Random(seed);
        int total = scenario.voters() + scenario.observers();
        Set<Long> voters = new HashSet<>();
        Set<Long> observers = new HashSet<>();
        servers = new Server[total + 1];
        side = new int[total + 1];
        for (int id = 1; id <= total; id++) {
            boolean voter = id <= scenario.voters();
            (voter ? voters : observers).add((long) id);
            Server server = new Server(id, voter);
            server.epoch = random.nextInt(3);
            server.zxid = server.epoch << 32 | random.nextInt(4);
            server.currentVote = new Vote(id, server.zxid, 0, server.epoch, PeerState.LOOKING);
            servers[id] = server;
        }
        verifier = new MajorityQuorum(voters, observers, 0);
    }

    Result run() {
        scheduleFaults();
        for (int id = 1; id < servers.length; id++) {
            push(randomBelow(scenario.startSpreadMillis() + 1), Kind.START, id, 0, 0, null);
        }
        long limit = scenario.permanentMinorityPartition() ? MINORITY_RUN_MILLIS
                : scenario.healAtMillis() + CONVERGE_WITHIN_MILLIS;
        long stableSince = -1;
        boolean converged = false;
        while (!queue.isEmpty() && violations.isEmpty()) {
            Event event = queue.poll();
            if (event.time() > limit) {
                break;
            }
            now = event.time();
            handle(event);
            checkOneLeaderFollowedByAQuorum();
            if (++events > EVENTS_MAX) {
                violations.add("more than " + EVENTS_MAX + " events: the run does not settle");
                break;
            }
            if (!scenario.permanentMinorityPartition() && now >= scenario.healAtMillis()) {
                if (!stable()) {
                    stableSince = -1;
                } else if (stableSince < 0) {
                    stableSince = now;
                } else if (now - stableSince >= STABLE_FOR_MILLIS) {
                    converged = true;
                    break;
                }
            }
        }
        if (violations.isEmpty() && !scenario.permanentMinorityPartition() && !converged) {
            violations.add("no single established leader followed by everyone within "
                    + CONVERGE_WITHIN_MILLIS + " ms of healing (at " + now + " ms: " + states() + ")");
        }
        if (violations.isEmpty() && scenario.permanentMinorityPartition() && !stable()) {
            violations.add("the majority side did not settle on one leader (" + states() + ")");
        }
        return new Result(List.copyOf(violations), List.copyOf(trace), fingerprint, events, decisions, now);
    }

    private void scheduleFaults() {
        if (scenario.permanentMinorityPartition()) {
            int quorum = scenario.voters() / 2 + 1;
            int minority = 1 + random.nextInt(scenario.voters() - quorum);
            List<Integer> ids = new ArrayList<>();
            for (int id = 1; id <= scenario.voters(); id++) {
                ids.add(id);
            }
            Collections.shuffle(ids, random);
            for (int i = 0; i < minority; i++) {
                side[ids.get(i)] = 1;
            }
            partitioned = true;
            return;
        }
        for (int i = 0; i < scenario.partitionChanges(); i++) {
            push(randomBelow(scenario.healAtMillis() + 1), Kind.REPARTITION, 0, 0, 0, null);
        }
        for (int i = 0; i < scenario.crashes(); i++) {
            push(randomBelow(scenario.healAtMillis() + 1), Kind.CRASH, 1 + random.nextInt(servers.length - 1), 0, 0, null);
        }
        push(scenario.healAtMillis(), Kind.HEAL, 0, 0, 0, null);
    }

    private void handle(Event event) {
        Server server = event.server() > 0 ? servers[event.server()] : null;
        switch (event.kind()) {
            case START -> {
                server.up = true;
                server.core = newCore(server);
                log(server, "starts (epoch " + server.epoch + ", zxid " + Long.toHexString(server.zxid) + ")");
                goLooking(server);
            }
            case DELIVER -> deliver(server, event);
            case TICK -> {
                if (server.up && event.incarnation() == server.incarnation && server.nextTickAt == event.time()) {
                    server.nextTickAt = Long.MIN_VALUE;
                    perform(server, server.core.step(new ElectionEvent.Timeout(now, reachesAnyone(server))));
                }
            }
            case CHECK -> {
                if (server.up && event.incarnation() == server.incarnation) {
                    zabCheck(server);
                }
            }
            case CRASH -> crash(server);
            case RESTART -> restart(server);
            case REPARTITION -> {
                partitioned = true;
                StringBuilder sides = new StringBuilder();
                for (int id = 1; id < servers.length; id++) {
                    side[id] = random.nextInt(2);
                    sides.append(side[id]);
                }
                log(null, "partition " + sides);
            }
            case HEAL -> {
                healed = true;
                partitioned = false;
                log(null, "network healed");
            }
        }
    }

    private void deliver(Server server, Event event) {
        if (!server.up) {
            return;
        }
        Decoded decoded = NotificationCodec.decode(event.bytes());
        if (!(decoded instanceof Decoded.Valid valid)) {
            violations.add("our own encoding did not decode: " + decoded);
            return;
        }
        Notification n = valid.notification();
        log(server, "<- s" + event.from() + " " + n);
        LocalView local = new LocalView(server.state, server.currentVote);
        perform(server, server.core.step(new ElectionEvent.Received(now, event.from(), n, local)));
    }

    private void crash(Server server) {
        if (!server.up) {
            return;
        }
        server.up = false;
        log(server, "crashes");
        long restartAt = Math.min(now + 100 + random.nextInt(5_000), scenario.healAtMillis());
        push(restartAt, Kind.RESTART, server.id, 0, 0, null);
    }

    private void restart(Server server) {
        server.up = true;
        server.incarnation++;
        server.core = newCore(server);
        server.established = false;
        server.nextTickAt = Long.MIN_VALUE;
        server.currentVote = new Vote(server.id, server.zxid, 0, server.epoch, PeerState.LOOKING);
        log(server, "restarts");
        goLooking(server);
    }

    private ElectionCore newCore(Server server) {
        return new ElectionCore(server.id, verifier, RoundTimings.defaults(), 100);
    }

    private void goLooking(Server server) {
        server.state = PeerState.LOOKING;
        server.established = false;
        perform(server, server.core.step(new ElectionEvent.StartLooking(now, server.zxid, server.epoch)));
        log(server, "looks for a leader, round " + server.core.logicalClock());
    }

    private void perform(Server server, ElectionActions actions) {
        for (Outgoing outgoing : actions.sends()) {
            Notification n = outgoing.notification();
            if (n.state() == PeerState.LOOKING) {
                String key = server.id + "/" + n.electionEpoch();
                long[] held = {server.epoch, server.zxid};
                long[] known = initialByRound.get(key);
                if (known == null || compare(held, known) < 0) {
                    initialByRound.put(key, held);
                }
            }
            transmit(server.id, outgoing.toSid(), NotificationCodec.encode(n, CONFIG));
        }
        actions.decision().ifPresent(decision -> decided(server, decision));
        server.core.deadlineMillis().ifPresent(deadline -> {
            if (deadline != server.nextTickAt) {
                server.nextTickAt = deadline;
                push(deadline, Kind.TICK, server.id, 0, server.incarnation, null);
            }
        });
    }

    private void transmit(int from, long to, byte[] bytes) {
        if (to < 1 || to >= servers.length) {
            return;
        }
        int target = (int) to;
        if (target == from) {
            push(now, Kind.DELIVER, target, from, 0, bytes);
            return;
        }
        if (cut(from, target) || !healed && random.nextDouble() < scenario.lossRate()) {
            return;
        }
        push(now + 1 + random.nextInt(scenario.maxDelayMillis()), Kind.DELIVER, target, from, 0, bytes);
        if (random.nextDouble() < scenario.duplicateRate()) {
            push(now + 1 + random.nextInt(scenario.maxDelayMillis()), Kind.DELIVER, target, from, 0, bytes);
        }
    }

    private void decided(Server server, Decision decision) {
        decisions++;
        Vote vote = decision.vote();
        log(server, "decides " + vote.state() + " leader " + vote.leader() + " round " + vote.electionEpoch() + " ("
                + decision.basis() + ", backed by " + decision.supporters() + ")");
        if (!verifier.isVotingMember(vote.leader())) {
            violations.add("s" + server.id + " elected non-voter " + vote.leader());
        }
        if ((vote.leader() == server.id) != (vote.state() == PeerState.LEADING)) {
            violations.add("s" + server.id + " decided " + vote.state() + " for leader " + vote.leader());
        }
        if (scenario.permanentMinorityPartition() && side[server.id] == 1) {
            violations.add("s" + server.id + " decided although cut off in a minority");
        }
        // Observers tally what voters answer them with (their current vote, stale while they look), so only a
        // voter's own decision says anything about who the voters elected.
        if (decision.basis() == Basis.ELECTED && server.voter) {
            checkLeaderHadTheBestLog(server, vote, decision.supporters());
        }
        server.state = vote.state();
        server.currentVote = vote;
        server.established = false;
        server.decidedAt = now;
        push(now + SYNC_CHECK_MILLIS, Kind.CHECK, server.id, 0, server.incarnation, null);
    }

    /** The elected vote must rank at least as high as every supporter's own data in that round. */
    private void checkLeaderHadTheBestLog(Server server, Vote vote, Set<Long> supporters) {
        if (!verifier.containsQuorum(supporters)) {
            violations.add("s" + server.id + " decided on supporters " + supporters + ", which are no quorum");
        }
        long[] elected = {vote.peerEpoch(), vote.zxid()};
        for (Long supporter : supporters) {
            long[] initial = initialByRound.get(supporter + "/" + vote.electionEpoch());
            if (initial == null) {
                violations.add("supporter s" + supporter + " of s" + server.id + " never voted in round " + vote.electionEpoch());
            } else if (compare(elected, initial) < 0) {
                violations.add("s" + server.id + " elected " + vote.leader() + " (epoch " + elected[0] + ", zxid "
                        + Long.toHexString(elected[1]) + ") over supporter s" + supporter + " holding epoch " + initial[0]
                        + ", zxid " + Long.toHexString(initial[1]));
            }
        }
    }

    /** ZAB, reduced to what the next election depends on: who leads, in which epoch, with which log. */
    private void zabCheck(Server server) {
        if (server.state == PeerState.LEADING) {
            leaderCheck(server);
        } else if (server.state == PeerState.FOLLOWING || server.state == PeerState.OBSERVING) {
            followerCheck(server);
        }
    }

    private void leaderCheck(Server leader) {
        List<Server> followers = new ArrayList<>();
        Set<Long> backing = new HashSet<>(Set.of((long) leader.id));
        for (int id = 1; id < servers.length; id++) {
            Server s = servers[id];
            if (s != leader && s.up && !cut(leader.id, s.id) && s.currentVote.leader() == leader.id
                    && (s.state == PeerState.FOLLOWING || s.state == PeerState.OBSERVING)) {
                followers.add(s);
                backing.add((long) s.id);
            }
        }
        if (!verifier.containsQuorum(backing)) {
            if (!leader.established && now - leader.decidedAt < INIT_LIMIT_MILLIS) {
                push(now + SYNC_CHECK_MILLIS, Kind.CHECK, leader.id, 0, leader.incarnation, null);
                return;
            }
            log(leader, (leader.established ? "loses its quorum" : "gathers no quorum") + ", followers " + backing);
            goLooking(leader);
            return;
        }
        if (!leader.established) {
            long epoch = leader.epoch;
            for (Server follower : followers) {
                epoch = Math.max(epoch, follower.epoch);
            }
            epoch++;
            leader.epoch = epoch;
            leader.established = true;
            leader.currentVote = withEpoch(leader.currentVote, epoch);
            Integer previous = leaderOfEpoch.putIfAbsent(epoch, leader.id);
            if (previous != null && previous != leader.id) {
                violations.add("epoch " + epoch + " established by both s" + previous + " and s" + leader.id);
            }
            log(leader, "establishes epoch " + epoch + " with " + backing);
        } else if (random.nextInt(3) == 0) {
            leader.zxid = (leader.zxid >>> 32) < leader.epoch ? leader.epoch << 32 | 1 : leader.zxid + 1;
        }
        for (Server follower : followers) {
            sync(follower, leader);
        }
        push(now + LIVENESS_MILLIS, Kind.CHECK, leader.id, 0, leader.incarnation, null);
    }

    private void followerCheck(Server follower) {
        Server leader = servers[(int) follower.currentVote.leader()];
        boolean leading = leader.up && !cut(follower.id, leader.id) && leader.state == PeerState.LEADING
                && leader.currentVote.leader() == leader.id;
        if (!leading || !leader.established) {
            if (now - follower.decidedAt >= INIT_LIMIT_MILLIS || leader.established) {
                log(follower, "cannot follow " + leader.id);
                goLooking(follower);
            } else {
                push(now + SYNC_CHECK_MILLIS, Kind.CHECK, follower.id, 0, follower.incarnation, null);
            }
            return;
        }
        sync(follower, leader);
        push(now + LIVENESS_MILLIS, Kind.CHECK, follower.id, 0, follower.incarnation, null);
    }

    private void sync(Server follower, Server leader) {
        follower.epoch = leader.epoch;
        follower.zxid = leader.zxid;
        follower.currentVote = withEpoch(follower.currentVote, leader.epoch);
    }

    /** What ZooKeeper's updateElectionVote does once the new epoch is known. */
    private static Vote withEpoch(Vote vote, long epoch) {
        return new Vote(vote.leader(), vote.zxid(), vote.electionEpoch(), epoch, vote.state());
    }

    private void checkOneLeaderFollowedByAQuorum() {
        int withQuorum = 0;
        for (int id = 1; id < servers.length; id++) {
            Server leader = servers[id];
            if (!leader.up || leader.state != PeerState.LEADING) {
                continue;
            }
            Set<Long> backing = new HashSet<>(Set.of((long) id));
            for (int other = 1; other < servers.length; other++) {
                Server s = servers[other];
                if (s.up && s.state == PeerState.FOLLOWING && s.currentVote.leader() == id) {
                    backing.add((long) other);
                }
            }
            if (verifier.containsQuorum(backing)) {
                withQuorum++;
            }
        }
        if (withQuorum > 1) {
            violations.add(withQuorum + " leaders are each followed by a quorum: " + states());
        }
    }

    /** One established leader; everyone else (on the majority side, if cut) follows it in its epoch. */
    private boolean stable() {
        Server leader = null;
        for (int id = 1; id < servers.length; id++) {
            Server s = servers[id];
            if (scenario.permanentMinorityPartition() && side[id] == 1) {
                continue;
            }
            if (!s.up) {
                return false;
            }
            if (s.state == PeerState.LEADING) {
                if (leader != null || !s.established) {
                    return false;
                }
                leader = s;
            }
        }
        if (leader == null) {
            return false;
        }
        for (int id = 1; id < servers.length; id++) {
            Server s = servers[id];
            if (s == leader || scenario.permanentMinorityPartition() && side[id] == 1) {
                continue;
            }
            PeerState expected = s.voter ? PeerState.FOLLOWING : PeerState.OBSERVING;
            if (s.state != expected || s.currentVote.leader() != leader.id || s.epoch != leader.epoch) {
                return false;
            }
        }
        return true;
    }

    private boolean cut(int a, int b) {
        return partitioned && (scenario.permanentMinorityPartition() || !healed) && side[a] != side[b];
    }

    private boolean reachesAnyone(Server server) {
        for (int id = 1; id < servers.length; id++) {
            if (id != server.id && servers[id].up && !cut(server.id, id)) {
                return true;
            }
        }
        return false;
    }

    private static int compare(long[] a, long[] b) {
        return a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]);
    }

    private long randomBelow(long bound) {
        return bound <= 1 ? 0 : (long) (random.nextDouble() * bound);
    }

    private void push(long time, Kind kind, int server, int from, int incarnation, byte[] bytes) {
        queue.add(new Event(time, sequence++, kind, server, from, incarnation, bytes));
    }

    private String states() {
        StringBuilder text = new StringBuilder();
        for (int id = 1; id < servers.length; id++) {
            Server s = servers[id];
            text.append(" s").append(id).append('=').append(s.up ? s.state : "DOWN").append("->").append(s.currentVote.leader())
                    .append("/e").append(s.epoch).append(s.established ? "*" : "");
        }
        return text.toString().trim();
    }

    private void log(Server server, String what) {
        String line = now + " " + (server == null ? "--" : "s" + server.id) + " " + what;
        fingerprint = fingerprint * 1_000_003L + line.hashCode();
        if (trace.size() == TRACE_LINES) {
            trace.pollFirst();
        }
        trace.addLast(line);
    }

    @Override
    public String toString() {
        return "seed " + seed + " " + scenario;
    }
}
