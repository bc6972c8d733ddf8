package org.zkplatform.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeds that failed before a fix, kept so the bug they found stays fixed. Each names its bug;
 * each fails with the fix taken out (checked when it was added). The seeds are of the simulation
 * as it was then, so a change to the simulation may send one down another history: it must still
 * pass, and the bug's unit test (named in the fix's commit) keeps guarding the bug itself.
 */
class RegressionSeedsTest {

    @ParameterizedTest(name = "seed {0}, {1} servers: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2   | 3 | a learner stopped between making its sync durable and recording the epoch could never start again
            17  | 3 | a learner stopped between making its sync durable and recording the epoch could never start again
            3   | 5 | a learner stopped between making its sync durable and recording the epoch could never start again
            6   | 5 | a learner stopped between making its sync durable and recording the epoch could never start again
            32  | 3 | a learner whose link died before it handled the link's opening waited for ever
            177 | 3 | a learner whose link died before it handled the link's opening waited for ever
            33  | 5 | a learner whose link died before it handled the link's opening waited for ever
            43  | 5 | a learner whose link died before it handled the link's opening waited for ever
            """)
    void stillPasses(long seed, int servers, String bug) {
        SimResult result = new Simulation(seed, SimConfig.allFaults(servers)).run();
        assertTrue(result.passed(), bug + "\n" + result.describe());
    }
}
