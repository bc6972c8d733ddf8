package org.zkplatform.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seeds the normal build runs: {@code sim.seeds} seeds (120 by default) of a 3-server and of a
 * 5-server ensemble with every fault, from {@code sim.firstSeed}. A failure lists each failing seed
 * with the command that replays it; a seed worth keeping goes to {@link RegressionSeedsTest}.
 */
class EnsembleSimulationTest {

    private static final int SEEDS = Integer.getInteger("sim.seeds", 120);
    private static final long FIRST_SEED = Long.getLong("sim.firstSeed", 1);

    @Test
    void threeServersWithEveryFaultKeepEveryInvariant() {
        runSeeds(3);
    }

    @Test
    void fiveServersWithEveryFaultKeepEveryInvariant() {
        runSeeds(5);
    }

    @Test
    void threeServersWithoutFaultsElectReplicateAndServe() {
        SimResult result = new Simulation(FIRST_SEED, SimConfig.noFaults(3)).run();
        assertTrue(result.passed(), result.describe());
    }

    private static void runSeeds(int servers) {
        long start = System.nanoTime();
        List<SimResult> failures = new ArrayList<>();
        long events = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            SimResult result = new Simulation(seed, SimConfig.allFaults(servers)).run();
            events += result.events();
            if (!result.passed()) {
                failures.add(result);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d seeds of %d servers in %.1f s (%.0f seeds per minute, %d events)%n", SEEDS, servers,
                seconds, SEEDS * 60 / seconds, events);
        StringBuilder report = new StringBuilder();
        for (SimResult failure : failures) {
            report.append(failure.describe()).append('\n');
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + SEEDS + " seeds failed:\n" + report);
    }
}
