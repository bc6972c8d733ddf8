package org.zkplatform.dist.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.zookeeper.Version;

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
 * measures heap per znode, data dir size and restart time instead ({@link FootprintRun}). Exit
 * code: 0; 1 if a server did not start or died; 2 for a bad option; 3 if any request failed or a
 * session was disconnected.
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
            return options.scenario() == Scenario.FOOTPRINT ? footprint() : workloads();
        } catch (BenchException e) {
            out.println("zkbench: " + e.getMessage());
            return 1;
        }
    }

    private int workloads() throws BenchException, InterruptedException {
        List<ServerRun> runs = new ArrayList<>();
        for (ServerKind kind : List.of(ServerKind.APACHE, ServerKind.ZKPLATFORM)) {
            runs.add(measure(kind));
        }
        new Report(out).summary(options.workloads(), runs.get(0), runs.get(1));
        out.println();
        out.println(StorageFacts.verdict(options.fsync(), runs.get(0).storage(), runs.get(1).storage()));
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

    private ServerRun measure(ServerKind kind) throws BenchException, InterruptedException {
        out.printf(Locale.ROOT, "%n== %s ==%n", kind.label());
        try (ServerProcess server = ServerProcess.start(kind, options)) {
            out.printf(Locale.ROOT, "pid %d on 127.0.0.1:%d, output in %s%n", server.pid(), server.port(), server.output());
            out.println("zoo.cfg: " + String.join(" ", server.zooCfg()));
            out.println("srvr: " + srvrVersion(server));
            StorageFacts storage = StorageFacts.of(server);
            out.println(storage.describe());
            try {
                List<WorkloadResult> results = runWorkloads(server);
                return new ServerRun(kind, results, nodeCount(server), storage, server.problemLines(20));
            } catch (BenchException e) {
                throw server.failure(e.getMessage());
            }
        }
    }

    private List<WorkloadResult> runWorkloads(ServerProcess server) throws BenchException, InterruptedException {
        Report report = new Report(out);
        List<WorkloadResult> results = new ArrayList<>();
        try (Sessions sessions = Sessions.open(server.port(), options.sessions())) {
            BenchTree tree = BenchTree.create(sessions.get(0), options.nodes(), options.valueBytes());
            report.header();
            for (Workload workload : options.workloads()) {
                WorkloadResult result = LoadRun.run(workload, sessions, tree, options, server);
                results.add(result);
                report.row(server.kind(), result);
                report.notes(server.kind(), result);
                if (!server.isAlive()) {
                    throw new BenchException("exited during the " + workload.label() + " workload");
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
        try {
            return FourLetterWord.send(server.port(), "srvr").lines().findFirst().orElse("(empty reply)");
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
        } else {
            out.printf(Locale.ROOT, "workloads: %s; each %d ms warm-up + %d ms measured%n",
                    options.workloads().stream().map(Workload::label).collect(Collectors.joining(", ")),
                    options.warmUp().toMillis(), options.measure().toMillis());
            out.printf(Locale.ROOT, "client: Apache ZooKeeper async client, %d sessions x %d outstanding requests, "
                            + "%d-byte values, %d pre-created nodes, session timeout %d ms, client JVM %s%n",
                    options.sessions(), options.outstanding(), options.valueBytes(), options.nodes(),
                    Sessions.SESSION_TIMEOUT_MILLIS,
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        }
        out.printf(Locale.ROOT, "servers: one at a time, apache then zkplatform, each on fresh data%s; tickTime %d ms;"
                        + " JVM options %s%n", options.scenario() == Scenario.WORKLOADS ? " running every workload in order"
                        : "", options.tickTimeMillis(), String.join(" ", ServerKind.jvmOptions(options)));
        out.printf(Locale.ROOT, "fsync: forceSync=%s for both; what zkplatform reports is checked below%n",
                options.fsync() ? "yes" : "no");
        if (options.scenario() == Scenario.WORKLOADS) {
            out.println("latency: successful requests completed in the measured window; errors: whole run incl. warm-up");
        }
    }
}
