package org.zkplatform.dist.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link ZkBench}. Every setting has a default, so a bare run measures all
 * workloads at the documented scale.
 *
 * @param scenario what the run measures
 * @param workloads run in this order, against each server
 * @param warmUp load before measuring, per workload; in the failover scenario, load before each kill
 * @param measure the measured window, per workload
 * @param sessions client sessions, each with its own driver thread
 * @param outstanding async requests in flight per session
 * @param valueBytes size of every value written
 * @param nodes nodes pre-created for {@code set}, {@code get} and {@code mixed}
 * @param znodes znodes the footprint scenario creates
 * @param fsync {@code forceSync} of both servers
 * @param tls also run every workload over TLS, through a secure client port on each server
 * @param serverJvmOptions the JVM options of both servers
 * @param tickTimeMillis tickTime of both servers
 * @param ensemble servers per kind: 1 runs each standalone, 3 or more as an ensemble
 * @param rounds leader kills in the failover scenario
 * @param dist the unpacked zkplatform distribution
 * @param workDir where configurations, data and server output go
 */
record BenchOptions(Scenario scenario, List<Workload> workloads, Duration warmUp, Duration measure, int sessions,
        int outstanding, int valueBytes, int nodes, int znodes, boolean fsync, boolean tls, List<String> serverJvmOptions,
        int tickTimeMillis, int ensemble, int rounds, Path dist, Path workDir) {

    static final String USAGE = String.join("\n",
            "usage: ZkBench [options]",
            "  --scenario NAME     workloads (throughput and latency), footprint (heap, disk, restart) or failover",
            "                      (leader killed under writes; needs --ensemble 3 or more) (default workloads)",
            "  --workload LIST     comma-separated, run in this order: set,get,mixed,create or all (default all, in that order)",
            "  --warmup DURATION   per workload, e.g. 5s, 500ms, 1m; failover: load before each kill (default 5s)",
            "  --duration DURATION measured, per workload (default 15s)",
            "  --sessions N        client sessions (default 32)",
            "  --outstanding N     async requests in flight per session (default 16)",
            "  --value-size BYTES  (default 100)",
            "  --nodes N           pre-created nodes for set/get/mixed (default 1000)",
            "  --znodes N          znodes the footprint scenario creates (default 1000000)",
            "  --fsync on|off      forceSync of both servers (default off)",
            "  --tls on|off        also run the workloads over TLS on a secure client port of each server (default off)",
            "  --jvm-opts 'OPTS'   JVM options of both servers (default '-Xmx1g -XX:+UseG1GC'; footprint '-Xmx2g -XX:+UseG1GC')",
            "  --tick-time MS      tickTime of both servers (default 2000)",
            "  --ensemble N        servers of each kind: 1 standalone, or an ensemble of 3 or more (default 1)",
            "  --rounds N          failover scenario: leader kills (default 5)",
            "  --dist DIR          the zkplatform distribution (default target/zkplatform)",
            "  --work-dir DIR      configs, data and server output (default target/bench)");

    static BenchOptions parse(String... args) {
        Scenario scenario = Scenario.WORKLOADS;
        List<Workload> workloads = List.of(Workload.values());
        Duration warmUp = Duration.ofSeconds(5);
        Duration measure = Duration.ofSeconds(15);
        int sessions = 32;
        int outstanding = 16;
        int valueBytes = 100;
        int nodes = 1000;
        int znodes = 1_000_000;
        boolean fsync = false;
        boolean tls = false;
        List<String> jvm = null;
        int tickTime = 2000;
        int ensemble = 1;
        int rounds = 5;
        Path dist = Path.of(System.getProperty("zkplatform.dist.dir", "target/zkplatform"));
        Path workDir = Path.of("target/bench");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--scenario" -> scenario = Scenario.parse(value);
                case "--workload" -> workloads = Workload.parseList(value);
                case "--warmup" -> warmUp = duration(flag, value);
                case "--duration" -> measure = duration(flag, value);
                case "--sessions" -> sessions = positive(flag, value);
                case "--outstanding" -> outstanding = positive(flag, value);
                case "--value-size" -> valueBytes = positive(flag, value);
                case "--nodes" -> nodes = positive(flag, value);
                case "--znodes" -> znodes = positive(flag, value);
                case "--fsync" -> fsync = onOff(flag, value);
                case "--tls" -> tls = onOff(flag, value);
                case "--jvm-opts" -> jvm = List.of(value.trim().split("\\s+"));
                case "--tick-time" -> tickTime = positive(flag, value);
                case "--ensemble" -> ensemble = positive(flag, value);
                case "--rounds" -> rounds = positive(flag, value);
                case "--dist" -> dist = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (measure.isZero()) {
            throw new IllegalArgumentException("--duration must be more than 0");
        }
        checkEnsemble(scenario, ensemble, tls);
        return new BenchOptions(scenario, workloads, warmUp, measure, sessions, outstanding, valueBytes, nodes, znodes,
                fsync, tls, jvm == null ? scenario.defaultJvmOptions() : jvm, tickTime, ensemble, rounds,
                dist.toAbsolutePath(), workDir.toAbsolutePath());
    }

    /**
     * Two servers make no ensemble worth measuring (neither may fail), the failover scenario needs
     * one, and footprint and TLS are measured on a single server only.
     */
    private static void checkEnsemble(Scenario scenario, int ensemble, boolean tls) {
        if (ensemble == 2) {
            throw new IllegalArgumentException("--ensemble takes 1 (standalone) or 3 or more, not 2");
        }
        if (scenario == Scenario.FAILOVER && ensemble < 3) {
            throw new IllegalArgumentException("--scenario failover needs --ensemble 3 or more");
        }
        if (scenario == Scenario.FOOTPRINT && ensemble > 1) {
            throw new IllegalArgumentException("--scenario footprint runs on a single server; drop --ensemble");
        }
        if (tls && ensemble > 1) {
            throw new IllegalArgumentException("--tls on runs on a single server; drop --ensemble");
        }
    }

    private static Duration duration(String flag, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " takes a duration such as 500ms, 15s or 1m, not '" + value + "'");
    }

    private static boolean onOff(String flag, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(flag + " takes on or off, not '" + value + "'");
        };
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " takes a positive integer, not '" + value + "'");
    }
}
