package org.zkplatform.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Runs one seed again, with every fault, as a failing seed's report says:
 * {@code mvn -o -pl zk-sim test -Dtest=ReplaySeedTest -Dsim.seed=N -Dsim.servers=3}. Add
 * {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=debug} to see the servers' logs in virtual time.
 */
class ReplaySeedTest {

    @Test
    void theSeedGivenPasses() {
        long seed = Long.getLong("sim.seed", 1);
        int servers = Integer.getInteger("sim.servers", 3);
        SimResult result = new Simulation(seed, SimConfig.allFaults(servers)).run();
        System.out.println(result.describe());
        assertTrue(result.passed(), result.describe());
    }
}
