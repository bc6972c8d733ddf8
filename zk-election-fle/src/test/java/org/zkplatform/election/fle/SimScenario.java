package org.zkplatform.election.fle;

import java.util.Random;

/**
 * The shape of one simulated run, drawn from its seed.
 *
 * @param voters participants, ids 1..voters
 * @param observers observers, ids after the voters
 * @param lossRate chance that a message between two servers is lost, until the network heals
 * @param duplicateRate chance that a message is delivered twice
 * @param maxDelayMillis message delays are uniform in 1..this; different delays reorder messages
 * @param startSpreadMillis servers start at random times in 0..this
 * @param healAtMillis from this time on: no loss, no partitions, every server up
 * @param partitionChanges how many times the partition is redrawn before healing
 * @param crashes how many crash-and-restart episodes happen before healing
 * @param permanentMinorityPartition cut off a minority for the whole run (and never heal)
 */
record SimScenario(int voters, int observers, double lossRate, double duplicateRate, int maxDelayMillis,
                   long startSpreadMillis, long healAtMillis, int partitionChanges, int crashes,
                   boolean permanentMinorityPartition) {

    /** Faults of every kind for a while, then a healthy network in which everyone must converge. */
    static SimScenario faultsThenHeal(long seed, int voters, int observers) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L);
        return new SimScenario(voters, observers,
                random.nextInt(4) == 0 ? 0 : random.nextDouble() * 0.4,
                random.nextDouble() * 0.2,
                1 + random.nextInt(random.nextBoolean() ? 20 : 400),
                random.nextInt(3) == 0 ? 0 : random.nextInt(5_000),
                random.nextInt(30_000),
                random.nextInt(5),
                random.nextInt(3),
                false);
    }

    /** A minority is cut off from the start and never rejoins; delays, duplicates and loss inside each side. */
    static SimScenario minorityCutOff(long seed, int voters) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + 1);
        return new SimScenario(voters, 0, random.nextDouble() * 0.2, random.nextDouble() * 0.2,
                1 + random.nextInt(200), random.nextInt(2_000), Long.MAX_VALUE, 0, 0, true);
    }
}
