package org.zkplatform.dist.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * The failover scenario on one kind of server: an ensemble under setData from every session, each
 * session with a connect string of all servers so the client fails over; then, per round, the
 * leader (found by {@code srvr}) is killed with SIGKILL, the time until the first write issued
 * after it is gone is acknowledged is taken, and the killed server is restarted on its data until
 * the ensemble is whole again.
 */
final class FailoverRun {

    /** A round without an acknowledged write this long after the kill counts as missed. */
    static final long FAILOVER_LIMIT_SECONDS = 60;
    private static final long RECONNECT_LIMIT_MILLIS = 60_000;
    private static final long SYNC_LIMIT_SECONDS = 30;
    private static final long POLL_MILLIS = 20;
    private static final int PROBLEM_LINES = 5;
    static final String ROUND_ROW = "%-11s %5s %7s %9s %15s %10s %14s %10s %14s %14s%n";

    private final BenchOptions options;
    private final PrintStream out;

    FailoverRun(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    FailoverResult run(ServerKind kind) throws BenchException, InterruptedException {
        ClientLogging.quietReconnects();
        out.printf(Locale.ROOT, "%n== %s, ensemble of %d: failover ==%n", kind.label(), options.ensemble());
        out.println(MachineFacts.loadAverage());
        try (ServerEnsemble ensemble = ServerEnsemble.start(kind, options)) {
            ensemble.memberLines().forEach(out::println);
            out.println("zoo.cfg of server 1: " + String.join(" ", ensemble.zooCfg(1)));
            StorageFacts storage = StorageFacts.of(ensemble.process(1));
            out.println(storage.describe());
            try {
                return measure(kind, ensemble, storage);
            } catch (BenchException e) {
                throw ensemble.failure(e.getMessage());
            }
        }
    }

    private FailoverResult measure(ServerKind kind, ServerEnsemble ensemble, StorageFacts storage)
            throws BenchException, InterruptedException {
        try (Sessions sessions = Sessions.open(List.of(ensemble.connectString()), options.sessions(),
                ZKClientConfig::new)) {
            BenchTree tree = BenchTree.create(sessions.get(0), options.nodes(), options.valueBytes());
            sessions.syncAll("/", SYNC_LIMIT_SECONDS);
            WriteAcks acks = new WriteAcks();
            List<FailoverRound> rounds = new ArrayList<>();
            SteadyLoad.Tally tally;
            try (SteadyLoad load = SteadyLoad.start(Workload.SET, sessions, tree, options.outstanding(), acks,
                    loadLimit())) {
                out.printf(Locale.ROOT, ROUND_ROW, "server", "round", "killed", "pid", "writes/s before", "serving ms",
                        "first write ms", "new leader", "rejoin ms", "failed writes");
                for (int r = 1; r <= options.rounds(); r++) {
                    FailoverRound round = round(r, ensemble, sessions, load, acks);
                    rounds.add(round);
                    printRound(kind, round);
                }
                tally = load.stop();
            }
            out.println(MachineFacts.loadAverage());
            return new FailoverResult(kind, rounds, tally.errors(), tally.unanswered(), sessions.connectionLosses(),
                    sessions.expirations(), storage, ensemble.problemCounts(), ensemble.problemLines(PROBLEM_LINES));
        }
    }

    private FailoverRound round(int round, ServerEnsemble ensemble, Sessions sessions, SteadyLoad load,
            WriteAcks acks) throws BenchException, InterruptedException {
        long acksBefore = acks.count();
        long steadyStart = System.nanoTime();
        Thread.sleep(options.warmUp().toMillis());
        double rate = (acks.count() - acksBefore) / ((System.nanoTime() - steadyStart) / 1e9);
        int leader = ensemble.awaitSettled();
        long pid = ensemble.process(leader).pid();
        long failedBefore = load.failures();

        long killedNanos = ensemble.kill(leader);
        // Armed once the process is gone: a write issued from now on can only be committed by a new leader.
        acks.arm(System.nanoTime());
        long deadline = killedNanos + TimeUnit.SECONDS.toNanos(FAILOVER_LIMIT_SECONDS);
        long servingMillis = -1;
        int newLeader = -1;
        while (System.nanoTime() - deadline < 0) {
            if (newLeader < 0) {
                Optional<Integer> settled = ensemble.settledLeader();
                if (settled.isPresent()) {
                    servingMillis = millisSince(killedNanos);
                    newLeader = settled.get();
                }
            }
            if (newLeader >= 0 && acks.firstAck().isPresent()) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        long firstWriteMillis = acks.firstAck().map(ack -> TimeUnit.NANOSECONDS.toMillis(ack - killedNanos)).orElse(-1L);

        long restartNanos = System.nanoTime();
        ensemble.restart(leader);
        ensemble.awaitSettled();
        long rejoinMillis = millisSince(restartNanos);
        int notBack = sessions.awaitAllConnected(RECONNECT_LIMIT_MILLIS);
        return new FailoverRound(round, leader, pid, rate, servingMillis, newLeader, firstWriteMillis, rejoinMillis,
                load.failures() - failedBefore, notBack);
    }

    private void printRound(ServerKind kind, FailoverRound r) {
        out.printf(Locale.ROOT, ROUND_ROW, kind.label(), r.round(), r.killed(), r.killedPid(),
                String.format(Locale.ROOT, "%.0f", r.writesPerSecondBefore()), orNone(r.servingMillis()),
                orNone(r.firstWriteMillis()), r.newLeader() < 0 ? "none" : Integer.toString(r.newLeader()),
                r.rejoinMillis(), r.failedWrites());
        if (!r.acked()) {
            out.printf(Locale.ROOT, "  ! %s round %d: no write acknowledged within %ds of the kill%n", kind.label(),
                    r.round(), FAILOVER_LIMIT_SECONDS);
        }
        if (r.servingMillis() < 0) {
            out.printf(Locale.ROOT, "  ! %s round %d: the surviving servers did not all serve with one leader within"
                    + " %ds%n", kind.label(), r.round(), FAILOVER_LIMIT_SECONDS);
        }
        if (r.sessionsNotBack() > 0) {
            out.printf(Locale.ROOT, "  ! %s round %d: %d sessions still disconnected %ds after the rejoin%n",
                    kind.label(), r.round(), r.sessionsNotBack(), RECONNECT_LIMIT_MILLIS / 1000);
        }
    }

    /** Every round's waits, summed: the drivers stop by themselves after it should the scenario hang. */
    private Duration loadLimit() {
        long perRound = options.warmUp().toSeconds() + FAILOVER_LIMIT_SECONDS + ServerEnsemble.SETTLE_LIMIT_SECONDS * 2
                + RECONNECT_LIMIT_MILLIS / 1000 + 60;
        return Duration.ofSeconds(perRound * options.rounds());
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static String orNone(long millis) {
        return millis < 0 ? "none" : Long.toString(millis);
    }
}
