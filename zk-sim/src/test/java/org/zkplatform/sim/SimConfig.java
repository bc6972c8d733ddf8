package org.zkplatform.sim;

/**
 * What a run simulates: how many servers and clients, how long the faults go on, and which faults.
 *
 * @param chaosMillis virtual time during which faults are injected; then the network heals, every
 *     server restarts, and the run waits for the ensemble to converge
 * @param crashes crash and restart servers, losing what their disks had not fsynced, now and then in
 *     the middle of a sync with the leader
 * @param partitions cut the network (symmetric splits, one-way cuts, a leader isolated just after it
 *     proposed) and reset connections
 * @param roughNetwork delay, reorder, duplicate and lose election datagrams; slow packets
 * @param pauses freeze servers past their timeouts, as a long GC pause or SIGSTOP does
 * @param slowDisks make a server's fsyncs take hundreds of milliseconds for a while
 */
public record SimConfig(int servers, int clients, long chaosMillis, boolean crashes, boolean partitions,
                        boolean roughNetwork, boolean pauses, boolean slowDisks) {

    public SimConfig {
        if (servers < 1 || clients < 0 || chaosMillis < 0) {
            throw new IllegalArgumentException("servers " + servers + ", clients " + clients + ", chaos " + chaosMillis);
        }
    }

    /** Every fault, for {@code servers} servers. */
    public static SimConfig allFaults(int servers) {
        return new SimConfig(servers, servers + 1, 20_000, true, true, true, true, true);
    }

    /** No fault at all: the ensemble elects and replicates under clients. */
    public static SimConfig noFaults(int servers) {
        return new SimConfig(servers, servers + 1, 5_000, false, false, false, false, false);
    }
}
