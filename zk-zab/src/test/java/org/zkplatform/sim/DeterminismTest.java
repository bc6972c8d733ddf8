package org.zkplatform.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A seed is the whole run: the same seed gives the same schedule, the same answers, the same verdict. */
class DeterminismTest {

    @Test
    void aSeedRunsTheSameEvenAfterOtherRunsInTheSameJvm() {
        SimResult first = new Simulation(7, SimConfig.allFaults(3)).run();
        new Simulation(8, SimConfig.allFaults(5)).run();
        SimResult again = new Simulation(7, SimConfig.allFaults(3)).run();
        assertEquals(first.fingerprint(), again.fingerprint(), "fingerprint");
        assertEquals(first.events(), again.events(), "events");
        assertEquals(first.violations(), again.violations(), "violations");
        assertEquals(first.stats(), again.stats(), "what happened");
    }
}
