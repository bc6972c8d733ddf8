package org.zkplatform.election.fle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.zookeeper.server.quorum.QuorumPeer;
import org.zkplatform.api.ServerId;
import org.zkplatform.api.Settings;
import org.zkplatform.api.election.Election;
import org.zkplatform.api.election.ElectionContext;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.Vote;
import org.zkplatform.api.time.SystemScheduler;
import org.zkplatform.api.transport.Transport;

/**
 * Time to elect a leader on loopback, zkplatform against Apache ZooKeeper 3.9.5, both at their
 * default election settings (finalize wait 200 ms, notification interval 200 ms to 60 s, connect
 * timeout 5 s). Not a test: run it with the {@code bench} profile (see README.md beside it).
 *
 * <p>Each measurement starts from nothing: fresh ports, every server with zxid 0 and epoch 0, all
 * servers in one JVM. Two figures per measurement:
 * <ul>
 *   <li><b>cold</b>: from opening the election connections (our {@code Election.start()}, Apache's
 *       {@code QuorumPeer.startLeaderElection()}) on every server, then {@code lookForLeader()} on
 *       every server, to the last server's decision;
 *   <li><b>round</b>: then every server goes back to LOOKING (as after losing its leader) and the
 *       same servers elect again over the connections they have: from the first
 *       {@code lookForLeader()} call to the last decision.
 * </ul>
 * Object construction (transports, data dirs, ZooKeeper's client port factory) is outside both.
 */
public final class ElectionBench {

    private record Timing(long coldNanos, long roundNanos) {
    }

    private ElectionBench() {
    }

    public static void main(String[] args) throws Exception {
        int elections = 20;
        int warmup = 3;
        int[] sizes = {3, 5};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--elections" -> elections = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> {
                    System.err.println("usage: ElectionBench [--elections 20] [--warmup 3] [--sizes 3,5]");
                    System.exit(2);
                }
            }
        }
        Path work = Files.createTempDirectory("election-bench");
        System.out.printf("Election time on loopback, median of %d elections after %d warm-up ones (min..max in brackets)%n",
                elections, warmup);
        System.out.printf("%-8s %-12s %-28s %-28s%n", "servers", "server", "cold: start -> all decided", "round: again, lookForLeader -> all decided");
        for (int size : sizes) {
            report(size, "zkplatform", measure(size, elections, warmup, () -> ours(size)));
            report(size, "ZooKeeper", measure(size, elections, warmup, () -> apache(size, work)));
        }
    }

    private interface Run {
        Timing elect() throws Exception;
    }

    private static List<Timing> measure(int size, int elections, int warmup, Run run) throws Exception {
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < warmup + elections; i++) {
            Timing timing = run.elect();
            if (i >= warmup) {
                timings.add(timing);
            }
        }
        return timings;
    }

    private static void report(int size, String server, List<Timing> timings) {
        System.out.printf("%-8d %-12s %-28s %-28s%n", size, server, summary(timings, Timing::coldNanos), summary(timings, Timing::roundNanos));
    }

    private static String summary(List<Timing> timings, java.util.function.ToLongFunction<Timing> field) {
        long[] millis = timings.stream().mapToLong(field).map(n -> TimeUnit.NANOSECONDS.toMillis(n)).sorted().toArray();
        long median = millis.length % 2 == 1 ? millis[millis.length / 2] : (millis[millis.length / 2 - 1] + millis[millis.length / 2]) / 2;
        return median + " ms [" + millis[0] + ".." + millis[millis.length - 1] + "]";
    }

    /** One election among fresh zkplatform servers. */
    private static Timing ours(int size) throws Exception {
        List<QuorumServer> servers = new LoopbackEnsemble(size, 0, Settings.empty()).servers();
        List<AutoCloseable> resources = new ArrayList<>();
        List<Election> elections = new ArrayList<>();
        List<FakeLocalPeer> peers = new ArrayList<>();
        try {
            for (QuorumServer server : servers) {
                long id = server.id().value();
                Transport transport = LoopbackEnsemble.plainTransport("quorum-" + id);
                SystemScheduler scheduler = new SystemScheduler("election-timer-" + id);
                FakeLocalPeer peer = new FakeLocalPeer(id, 0, 0);
                Election election = LoopbackEnsemble.provider().create(Settings.empty(),
                        new ElectionContext(ServerId.of(id), servers, transport, scheduler, peer));
                resources.add(transport);
                resources.add(scheduler);
                resources.add(election);
                elections.add(election);
                peers.add(peer);
            }
            long start = System.nanoTime();
            for (Election election : elections) {
                election.start();
            }
            List<CompletableFuture<Vote>> results = new ArrayList<>();
            for (Election election : elections) {
                results.add(election.lookForLeader().toCompletableFuture());
            }
            List<Vote> votes = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                Vote vote = results.get(i).get(60, TimeUnit.SECONDS);
                peers.get(i).adopt(vote);
                votes.add(vote);
            }
            long end = System.nanoTime();
            check(votes, size);
            // A round alone, on the connections the first one left: every server looks again, as after losing
            // its leader, and the same servers elect again.
            for (FakeLocalPeer peer : peers) {
                peer.lookAgain();
            }
            long again = System.nanoTime();
            List<CompletableFuture<Vote>> second = elections.stream().map(e -> e.lookForLeader().toCompletableFuture()).toList();
            List<Vote> secondVotes = new ArrayList<>();
            for (CompletableFuture<Vote> result : second) {
                secondVotes.add(result.get(60, TimeUnit.SECONDS));
            }
            long againEnd = System.nanoTime();
            check(secondVotes, size);
            return new Timing(end - start, againEnd - again);
        } finally {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).close();
            }
        }
    }

    /** One election among fresh Apache ZooKeeper servers. */
    private static Timing apache(int size, Path work) throws Exception {
        List<QuorumServer> servers = new LoopbackEnsemble(size, 0, Settings.empty()).servers();
        List<QuorumPeer> peers = new ArrayList<>();
        Path dirs = Files.createTempDirectory(work, "apache");
        try {
            for (QuorumServer server : servers) {
                long id = server.id().value();
                Path dir = Files.createDirectories(dirs.resolve("server-" + id));
                QuorumPeer peer = new QuorumPeer(ApachePeers.view(servers), dir.toFile(), dir.toFile(), LoopbackEnsemble.freePort(), 3,
                        id, 2000, 10, 5, 10);
                peer.setMultiAddressEnabled(false);
                peers.add(peer);
            }
            long start = System.nanoTime();
            for (QuorumPeer peer : peers) {
                peer.startLeaderElection();
            }
            List<Vote> votes = new ArrayList<>();
            for (CompletableFuture<Vote> result : peers.stream().map(ApachePeers::lookForLeader).toList()) {
                votes.add(result.get(60, TimeUnit.SECONDS));
            }
            long end = System.nanoTime();
            check(votes, size);
            for (QuorumPeer peer : peers) {
                peer.setPeerState(QuorumPeer.ServerState.LOOKING);
            }
            long again = System.nanoTime();
            List<CompletableFuture<Vote>> second = new ArrayList<>();
            for (QuorumPeer peer : peers) {
                second.add(ApachePeers.lookForLeader(peer));
            }
            List<Vote> secondVotes = new ArrayList<>();
            for (CompletableFuture<Vote> result : second) {
                secondVotes.add(result.get(60, TimeUnit.SECONDS));
            }
            long againEnd = System.nanoTime();
            check(secondVotes, size);
            return new Timing(end - start, againEnd - again);
        } finally {
            peers.forEach(ApachePeers::stop);
            try (Stream<Path> files = Files.walk(dirs)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void check(List<Vote> votes, int size) {
        for (int i = 0; i < votes.size(); i++) {
            Vote vote = votes.get(i);
            PeerState expected = i + 1 == size ? PeerState.LEADING : PeerState.FOLLOWING;
            if (vote.leader() != size || vote.state() != expected) {
                throw new IllegalStateException("server " + (i + 1) + " decided " + vote + "; expected " + expected + " " + size);
            }
        }
    }
}
