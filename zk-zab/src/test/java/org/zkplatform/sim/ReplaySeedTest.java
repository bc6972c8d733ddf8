package org.zkplatform.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Runs one seed again, with every fault, as a failing seed's report says:
 * {@code mvn -o -pl zk-zab -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ReplaySeedTest
 * -Dsim.seed=N -Dsim.servers=3} ({@code -Dsim.vary=true} for a varied run). Add
 * {@code -Dsim.trace=true} to see the servers' logs at debug level, each line named by its virtual
 * time and server; {@code -Dsim.level=info -Dsim.debugOnly=org.zkplatform.election} narrows them.
 */
class ReplaySeedTest {

    static {
        if (Boolean.getBoolean("sim.trace")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("sim.level", "debug"));
            System.setProperty("org.slf4j.simpleLogger.showThreadName", "true");
            String only = System.getProperty("sim.debugOnly", "");
            if (!only.isEmpty()) {
                System.setProperty("org.slf4j.simpleLogger.log." + only, "debug");
            }
        }
    }

    @Test
    void theSeedGivenPasses() {
        long seed = Long.getLong("sim.seed", 1);
        int servers = Integer.getInteger("sim.servers", 3);
        SimConfig config = Boolean.getBoolean("sim.vary") ? SimConfig.varied(servers, seed) : SimConfig.allFaults(servers);
        SimResult result = new Simulation(seed, config).run();
        System.out.println(result.describe());
        assertTrue(result.passed(), result.describe());
    }
}
