package org.zkplatform.dist.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.zookeeper.Version;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * Load tool: measures throughput, latency, server CPU per request and peak memory of zkplatform
 * against Apache ZooKeeper 3.9.5 on the same machine in the same run, through the Apache async
 * Java client, and prints both and their ratio. Lives in the test sources because the Apache
 * client and server are test-scope dependencies, kept out of the distribution. Details and
 * options: README.md next to this class.
 *
 * <p>Run it from the repository root (the profile packages zk-dist first, skips the tests, then
 * runs this class in a JVM of its own with the test class path):
 *
 * <pre>
 * mvn -o -q -B install -Dmaven.test.skip=true
 * mvn -o -q -B -pl zk-dist -Pbench verify
 * mvn -o -q -B -pl zk-dist -Pbench verify -Dbench.args="--workload mixed --duration 30s"
 * </pre>
 *
 * <p>Both servers run as separate processes with the same JVM options, zoo.cfg and data disk, one
 * at a time so they do not compete for cores: Apache first, then zkplatform, each running every
 * workload in order on fresh data. fsync is the same on both sides ({@code --fsync}, off by
 * default; what zkplatform reports about its storage is checked). {@code --scenario footprint}
 * measures heap per znode, data dir size and restart time instead ({@link FootprintRun}). With
 * {@code --ensemble N} each kind runs as an ensemble of N servers ({@link ServerEnsemble}), the
 * sessions spread over them; {@code --scenario failover} kills the leader of such an ensemble under
 * writes and times until writes are acknowledged again ({@link FailoverRun}). Exit code: 0; 1 if a
 * server did not start or died, or an ensemble did not settle; 2 for a bad option; 3 if any request
 * failed or a session was disconnected (failover: a round without an acknowledged write, a failure
 * other than connection loss, or a session expired).
 */
public final class ZkBench {

    private final BenchOptions options;
    private final PrintStream out;

    private ZkBench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("zkbench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new ZkBench(options, System.out).run());
    }

    private int run() throws InterruptedException {
        try {
            Files.createDirectories(options.workDir());
        } catch (IOException e) {
            out.println("zkbench: cannot create " + options.workDir() + ": " + e);
            return 1;
        }
        printSettings();
        try {
            return switch (options.scenario()) {
                case FOOTPRINT -> footprint();
                case FAILOVER -> failover();
                case WORKLOADS -> workloads();
            };
        } catch (BenchException e) {
            out.println("zkbench: " + e.getMessage());
            return 1;
        }
    }

    private int workloads() throws BenchException, InterruptedException {
        Optional<TlsSetup> tls = options.tls() ? Optional.of(TlsSetup.create(options.workDir())) : Optional.empty();
        List<ServerRun> runs = new ArrayList<>();
        List<ServerRun> tlsRuns = new ArrayList<>();
        for (ServerKind kind : List.of(ServerKind.APACHE, ServerKind.ZKPLATFORM)) {
            if (options.ensemble() > 1) {
                runs.add(measureEnsemble(kind));
            } else {
                measure(kind, tls, runs, tlsRuns);
            }
        }
        new Report(out).summary(options.ensemble() > 1 ? "results, ensembles of " + options.ensemble() : "results",
                options.workloads(), runs.get(0), runs.get(1));
        if (tls.isPresent()) {
            new Report(out).tlsSummary(options.workloads(), runs.get(0), tlsRuns.get(0), runs.get(1), tlsRuns.get(1));
        }
        out.println();
        out.println(StorageFacts.verdict(options.fsync(), runs.get(0).storage(), runs.get(1).storage()));
        runs.addAll(tlsRuns);
        return runs.stream().flatMap(run -> run.results().stream()).anyMatch(WorkloadResult::troubled) ? 3 : 0;
    }

    private int footprint() throws BenchException, InterruptedException {
        FootprintRun run = new FootprintRun(options, out);
        FootprintResult apache = run.run(ServerKind.APACHE);
        FootprintResult ours = run.run(ServerKind.ZKPLATFORM);
        new FootprintReport(out).summary(options.znodes(), apache, ours);
        out.println();
        out.println(StorageFacts.verdict(options.fsync(), apache.storage(), ours.storage()));
        return apache.fill().troubled() || ours.fill().troubled() ? 3 : 0;
    }

    private int failover() throws BenchException, InterruptedException {
        FailoverRun run = new FailoverRun(options, out);
        FailoverResult apache = run.run(ServerKind.APACHE);
        FailoverResult ours = run.run(ServerKind.ZKPLATFORM);
        new FailoverReport(out).summary(options.ensemble(), apache, ours);
        out.println();
        out.println(StorageFacts.verdict(options.fsync(), apache.storage(), ours.storage()));
        return apache.troubled() || ours.troubled() ? 3 : 0;
    }

    /**
     * Runs every workload on an ensemble of {@code kind}, each session on one server, round-robin.
     * The rows then give the ensemble's throughput, its CPU summed over the servers and the
     * largest server's memory.
     */
    private ServerRun measureEnsemble(ServerKind kind) throws BenchException, InterruptedException {
        out.printf(Locale.ROOT, "%n== %s, ensemble of %d ==%n", kind.label(), options.ensemble());
        out.println(MachineFacts.loadAverage());
        try (ServerEnsemble ensemble = ServerEnsemble.start(kind, options)) {
            ensemble.memberLines().forEach(out::println);
            out.println("zoo.cfg of server 1: " + String.join(" ", ensemble.zooCfg(1)));
            out.println("srvr: " + srvrVersion(ensemble.process(1).port()));
            StorageFacts storage = StorageFacts.of(ensemble.process(1));
            out.println(storage.describe());
            try {
                List<WorkloadResult> results = runWorkloads(ensemble.processes(), ensemble.memberConnectStrings(),
                        ZKClientConfig::new, kind.label());
                Map<Integer, Long> nodes = ensemble.nodeCounts();
                out.println("after the workloads: srvr modes " + ServerEnsemble.describe(ensemble.modes())
                        + "; node counts " + ServerEnsemble.describe(nodes.entrySet().stream().collect(
                        Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()), (a, b) -> a,
                                TreeMap::new)))
                        + (nodes.values().stream().distinct().count() > 1 ? " (NOT EQUAL after 10 s)" : ""));
                out.println(MachineFacts.loadAverage());
                return new ServerRun(kind, results, nodes.getOrDefault(1, -1L), storage, ensemble.problemLines(5));
            } catch (BenchException e) {
                throw ensemble.failure(e.getMessage());
            }
        }
    }

    /** Runs every workload on {@code kind} over plaintext, into {@code runs}, then with {@code tls} over TLS too. */
    private void measure(ServerKind kind, Optional<TlsSetup> tls, List<ServerRun> runs, List<ServerRun> tlsRuns)
            throws BenchException, InterruptedException {
        out.printf(Locale.ROOT, "%n== %s ==%n", kind.label());
        try (ServerProcess server = ServerProcess.start(kind, options, tls)) {
            out.printf(Locale.ROOT, "pid %d on 127.0.0.1:%d, output in %s%n", server.pid(), server.port(), server.output());
            out.println("zoo.cfg: " + String.join(" ", server.zooCfg()));
            out.println("srvr: " + srvrVersion(server));
            StorageFacts storage = StorageFacts.of(server);
            out.println(storage.describe());
            try {
                Supplier<ZKClientConfig> plain = tls.isPresent() ? tls.get()::plainClientConfig : ZKClientConfig::new;
                List<WorkloadResult> results = runWorkloads(List.of(server), List.of("127.0.0.1:" + server.port()),
                        plain, kind.label());
                runs.add(new ServerRun(kind, results, nodeCount(server), storage, server.problemLines(20)));
                if (tls.isPresent()) {
                    out.printf(Locale.ROOT, "over TLS, secure client port 127.0.0.1:%d%n", server.securePort());
                    List<WorkloadResult> overTls = runWorkloads(List.of(server),
                            List.of("127.0.0.1:" + server.securePort()), tls.get()::clientConfig, kind.label() + "+tls");
                    tlsRuns.add(new ServerRun(kind, overTls, nodeCount(server), storage, server.problemLines(20)));
                }
            } catch (BenchException e) {
                throw server.failure(e.getMessage());
            }
        }
    }

    /**
     * Every workload on {@code servers} (one, or an ensemble's members), session i connected with
     * {@code connectStrings[i % size]}.
     */
    private List<WorkloadResult> runWorkloads(List<ServerProcess> servers, List<String> connectStrings,
            Supplier<ZKClientConfig> clientConfig, String label) throws BenchException, InterruptedException {
        Report report = new Report(out);
        List<WorkloadResult> results = new ArrayList<>();
        try (Sessions sessions = Sessions.open(connectStrings, options.sessions(), clientConfig)) {
            BenchTree tree = BenchTree.create(sessions.get(0), options.nodes(), options.valueBytes());
            if (servers.size() > 1) {
                // The nodes went in through one server; the others must have them before the first read.
                sessions.syncAll("/", 30);
            }
            report.header();
            for (Workload workload : options.workloads()) {
                WorkloadResult result = LoadRun.run(workload, sessions, tree, options, servers);
                results.add(result);
                report.row(label, result);
                report.notes(label, result);
                for (ServerProcess server : servers) {
                    if (!server.isAlive()) {
                        throw new BenchException((servers.size() > 1 ? "a server (pid " + server.pid() + ") " : "")
                                + "exited during the " + workload.label() + " workload");
                    }
                }
            }
        }
        return results;
    }

    /** The node count {@code srvr} reports, -1 if it does not. */
    private static long nodeCount(ServerProcess server) {
        try {
            return FourLetterWord.send(server.port(), "srvr").lines().filter(line -> line.startsWith("Node count:"))
                    .map(line -> Long.parseLong(line.substring("Node count:".length()).trim())).findFirst().orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static String srvrVersion(ServerProcess server) {
        return srvrVersion(server.port());
    }

    private static String srvrVersion(int port) {
        try {
            return FourLetterWord.send(port, "srvr").lines().findFirst().orElse("(empty reply)");
        } catch (IOException e) {
            return "(no reply: " + e + ")";
        }
    }

    private void printSettings() {
        out.println("== zkbench: zkplatform vs Apache ZooKeeper " + Version.getFullVersion() + " ==");
        MachineFacts.describe(options.workDir()).forEach(out::println);
        if (options.scenario() == Scenario.FOOTPRINT) {
            out.printf(Locale.ROOT, "scenario: footprint; %d znodes of %d bytes created by %d sessions x %d outstanding"
                            + " requests, then heap after full GCs (jcmd), data dir after a clean stop, two restarts"
                            + " on copies of it%n", options.znodes(), options.valueBytes(), options.sessions(),
                    options.outstanding());
        } else if (options.scenario() == Scenario.FAILOVER) {
            out.printf(Locale.ROOT, "scenario: failover; ensembles of %d; setData on %d pre-created nodes from %d sessions"
                            + " x %d outstanding, each session with a connect string of all servers; %d rounds of: %d ms"
                            + " of load, SIGKILL of the leader (srvr), time until the first write issued after it is"
                            + " acknowledged (limit %d s), restart of the killed server until all serve again%n",
                    options.ensemble(), options.nodes(), options.sessions(), options.outstanding(), options.rounds(),
                    options.warmUp().toMillis(), FailoverRun.FAILOVER_LIMIT_SECONDS);
            out.printf(Locale.ROOT, "client: Apache ZooKeeper async client, %d-byte values, session timeout %d ms,"
                            + " client JVM %s%n", options.valueBytes(), Sessions.SESSION_TIMEOUT_MILLIS,
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        } else {
            out.printf(Locale.ROOT, "workloads: %s; each %d ms warm-up + %d ms measured%n",
                    options.workloads().stream().map(Workload::label).collect(Collectors.joining(", ")),
                    options.warmUp().toMillis(), options.measure().toMillis());
            out.printf(Locale.ROOT, "client: Apache ZooKeeper async client, %d sessions x %d outstanding requests, "
                            + "%d-byte values, %d pre-created nodes, session timeout %d ms, client JVM %s%n",
                    options.sessions(), options.outstanding(), options.valueBytes(), options.nodes(),
                    Sessions.SESSION_TIMEOUT_MILLIS,
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            if (options.ensemble() > 1) {
                out.printf(Locale.ROOT, "ensembles of %d per kind (initLimit=10, syncLimit=5), session i connected to"
                        + " server i %% %d only; cpu us/op sums all servers' CPU, peak RSS is the largest server's%n",
                        options.ensemble(), options.ensemble());
            }
        }
        out.printf(Locale.ROOT, "servers: one%s at a time, apache then zkplatform, each on fresh data%s; tickTime %d ms;"
                        + " JVM options %s%n", options.ensemble() > 1 ? " kind (all its servers)" : "",
                options.scenario() == Scenario.WORKLOADS ? " running every workload in order" : "",
                options.tickTimeMillis(), String.join(" ", ServerKind.jvmOptions(options)));
        out.printf(Locale.ROOT, "fsync: forceSync=%s for both; what zkplatform reports is checked below%n",
                options.fsync() ? "yes" : "no");
        if (options.tls()) {
            out.println("tls: each server also gets a secure client port (secureClientPort, ssl.* with the same PKCS12"
                    + " EC P-256 certificates, client auth need; Apache with NettyServerCnxnFactory, which then serves"
                    + " its plain port too); every workload runs again over it; plaintext and TLS sessions both use"
                    + " the Apache client's Netty socket");
        }
        if (options.scenario() == Scenario.WORKLOADS) {
            out.println("latency: successful requests completed in the measured window; errors: whole run incl. warm-up");
        }
    }
}
