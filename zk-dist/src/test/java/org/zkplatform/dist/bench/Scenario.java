package org.zkplatform.dist.bench;

import java.util.List;
import java.util.Locale;

/**
 * What a run measures. The default JVM options differ because a million znodes need more heap
 * than the request workloads' thousand.
 */
enum Scenario {

    /** Throughput and latency of the {@code --workload} list. */
    WORKLOADS(List.of("-Xmx1g", "-XX:+UseG1GC")),
    /** Create {@code --znodes} znodes, then heap per znode, data dir size and restart time. */
    FOOTPRINT(List.of("-Xmx2g", "-XX:+UseG1GC")),
    /** Kill the leader of an ensemble under a write load, time until writes are acknowledged again, restart it. */
    FAILOVER(List.of("-Xmx1g", "-XX:+UseG1GC"));

    private final List<String> defaultJvmOptions;

    Scenario(List<String> defaultJvmOptions) {
        this.defaultJvmOptions = defaultJvmOptions;
    }

    List<String> defaultJvmOptions() {
        return defaultJvmOptions;
    }

    static Scenario parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scenario '" + value.trim() + "'; known: workloads, footprint, failover");
        }
    }
}
