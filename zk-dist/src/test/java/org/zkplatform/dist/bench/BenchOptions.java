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
 * @param warmUp load before measuring, per workload
 * @param measure the measured window, per workload
 * @param sessions client sessions, each with its own driver thread
 * @param outstanding async requests in flight per session
 * @param valueBytes size of every value written
 * @param nodes nodes pre-created for {@code set}, {@code get} and {@code mixed}
 * @param znodes znodes the footprint scenario creates
 * @param fsync {@code forceSync} of both servers
 * @param serverJvmOptions the JVM options of both servers
 * @param tickTimeMillis tickTime of both servers
 * @param dist the unpacked zkplatform distribution
 * @param workDir where configurations, data and server output go
 */
record BenchOptions(Scenario scenario, List<Workload> workloads, Duration warmUp, Duration measure, int sessions,
        int outstanding, int valueBytes, int nodes, int znodes, boolean fsync, List<String> serverJvmOptions,
        int tickTimeMillis, Path dist, Path workDir) {

    static final String USAGE = String.join("\n",
            "usage: ZkBench [options]",
            "  --scenario NAME     workloads (throughput and latency) or footprint (heap, disk, restart) (default workloads)",
            "  --workload LIST     comma-separated, run in this order: set,get,mixed,create or all (default all, in that order)",
            "  --warmup DURATION   per workload, e.g. 5s, 500ms, 1m (default 5s)",
            "  --duration DURATION measured, per workload (default 15s)",
            "  --sessions N        client sessions (default 32)",
            "  --outstanding N     async requests in flight per session (default 16)",
            "  --value-size BYTES  (default 100)",
            "  --nodes N           pre-created nodes for set/get/mixed (default 1000)",
            "  --znodes N          znodes the footprint scenario creates (default 1000000)",
            "  --fsync on|off      forceSync of both servers (default off)",
            "  --jvm-opts 'OPTS'   JVM options of both servers (default '-Xmx1g -XX:+UseG1GC'; footprint '-Xmx2g -XX:+UseG1GC')",
            "  --tick-time MS      tickTime of both servers (default 2000)",
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
        List<String> jvm = null;
        int tickTime = 2000;
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
                case "--jvm-opts" -> jvm = List.of(value.trim().split("\\s+"));
                case "--tick-time" -> tickTime = positive(flag, value);
                case "--dist" -> dist = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (measure.isZero()) {
            throw new IllegalArgumentException("--duration must be more than 0");
        }
        return new BenchOptions(scenario, workloads, warmUp, measure, sessions, outstanding, valueBytes, nodes, znodes,
                fsync, jvm == null ? scenario.defaultJvmOptions() : jvm, tickTime, dist.toAbsolutePath(),
                workDir.toAbsolutePath());
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
