package org.zkplatform.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeds that once failed, kept so the bug they found stays fixed. Each names the bug; the seeds
 * are of the simulation as it was when they were found, so a change to the simulation may make
 * one reach a different history (it still must pass).
 */
class RegressionSeedsTest {

    @ParameterizedTest(name = "seed {0}, {1} servers: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            161 | 3 | a learner stopped inside NEWLEADER could never start again (currentEpoch below its log's epoch)
            162 | 5 | a learner stopped inside NEWLEADER could never start again (currentEpoch below its log's epoch)
            """)
    void stillPasses(long seed, int servers, String bug) {
        SimResult result = new Simulation(seed, SimConfig.allFaults(servers)).run();
        assertTrue(result.passed(), bug + "\n" + result.describe());
    }
}
