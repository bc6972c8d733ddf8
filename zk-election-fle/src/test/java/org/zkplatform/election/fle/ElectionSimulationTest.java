package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations of whole ensembles of election cores (see {@link SimulatedEnsemble}): no
 * threads, no sleeps, no real time. Each test runs many seeds; a failure names its seed, which
 * replays alone with {@code -Dsim.seed=<seed>} and prints the last events of the run
 * ({@code -Dsim.trace=<lines>} for more). {@code -Dsim.seeds=<n>} runs more or fewer seeds.
 */
class ElectionSimulationTest {

    private static final int SEEDS = Integer.getInteger("sim.seeds", 200);
    private static final Long ONLY_SEED = Long.getLong("sim.seed");

    @Test
    void threeServersAgreeOnOneLeaderDespiteLossDelaysPartitionsAndCrashes() {
        runSeeds("threeServersAgreeOnOneLeaderDespiteLossDelaysPartitionsAndCrashes", 3_000,
                seed -> SimScenario.faultsThenHeal(seed, 3, 0));
    }

    @Test
    void fiveServersAgreeOnOneLeaderDespiteLossDelaysPartitionsAndCrashes() {
        runSeeds("fiveServersAgreeOnOneLeaderDespiteLossDelaysPartitionsAndCrashes", 5_000,
                seed -> SimScenario.faultsThenHeal(seed, 5, 0));
    }

    @Test
    void observersEndUpObservingTheElectedLeader() {
        runSeeds("observersEndUpObservingTheElectedLeader", 7_000, seed -> SimScenario.faultsThenHeal(seed, 3, 2));
    }

    @Test
    void aMinorityCutOffNeverElectsWhileTheMajorityDoes() {
        runSeeds("aMinorityCutOffNeverElectsWhileTheMajorityDoes", 9_000, seed -> SimScenario.minorityCutOff(seed, seed % 2 == 0 ? 5 : 3));
    }

    @Test
    void theSameSeedReplaysTheSameRun() {
        for (long seed = 1; seed <= 20; seed++) {
            SimScenario scenario = SimScenario.faultsThenHeal(seed, 5, 1);
            SimulatedEnsemble.Result first = new SimulatedEnsemble(seed, scenario).run();
            SimulatedEnsemble.Result second = new SimulatedEnsemble(seed, scenario).run();
            assertEquals(first.fingerprint(), second.fingerprint(), "seed " + seed);
            assertEquals(first.events(), second.events(), "seed " + seed);
            assertEquals(first.traceTail(), second.traceTail(), "seed " + seed);
        }
    }

    private static void runSeeds(String test, long seedBase, LongFunction<SimScenario> scenarios) {
        long first = ONLY_SEED != null ? ONLY_SEED : seedBase;
        int count = ONLY_SEED != null ? 1 : SEEDS;
        for (long seed = first; seed < first + count; seed++) {
            SimScenario scenario = scenarios.apply(seed);
            SimulatedEnsemble ensemble = new SimulatedEnsemble(seed, scenario);
            SimulatedEnsemble.Result result = ensemble.run();
            if (!result.violations().isEmpty()) {
                fail("seed " + seed + " failed: " + result.violations() + "\n  " + ensemble
                        + "\n  rerun alone: mvn -o -pl zk-election-fle test -Dtest=ElectionSimulationTest#" + test
                        + " -Dsim.seed=" + seed + "\n  last events:\n    " + String.join("\n    ", result.traceTail()));
            }
        }
    }
}
