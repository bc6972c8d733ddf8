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
 * @param roughNetwork longer and more spread delays, and slow packets that hold up their connection
 * @param pauses freeze servers past their timeouts, as a long GC pause or SIGSTOP does
 * @param slowDisks make a server's fsyncs take hundreds of milliseconds for a while
 * @param settings the servers' timing and snapshot settings
 * @param varied whether the clients, the chaos period and the settings were drawn from the seed
 */
public record SimConfig(int servers, int clients, long chaosMillis, boolean crashes, boolean partitions,
                        boolean roughNetwork, boolean pauses, boolean slowDisks, SimSettings settings,
                        boolean varied) {

    public SimConfig {
        if (servers < 1 || clients < 0 || chaosMillis < 0) {
            throw new IllegalArgumentException("servers " + servers + ", clients " + clients + ", chaos " + chaosMillis);
        }
    }

    /** Every fault, for {@code servers} servers. */
    public static SimConfig allFaults(int servers) {
        return new SimConfig(servers, servers + 1, 20_000, true, true, true, true, true, SimSettings.defaults(), false);
    }

    /**
     * Every fault, with the number of clients, the length of the chaos and the servers' settings
     * (tick, init and sync limits, session timeouts, snapshot interval) drawn from {@code seed}:
     * timeouts in other proportions reach other interleavings.
     */
    public static SimConfig varied(int servers, long seed) {
        java.util.Random random = new java.util.Random(seed * 1_000_003L + servers);
        return new SimConfig(servers, servers + random.nextInt(4), 10_000 + random.nextInt(30_000), true, true, true,
                true, true, SimSettings.drawn(random), true);
    }

    /** No fault at all: the ensemble elects and replicates under clients. */
    public static SimConfig noFaults(int servers) {
        return new SimConfig(servers, servers + 1, 5_000, false, false, false, false, false, SimSettings.defaults(),
                false);
    }
}
