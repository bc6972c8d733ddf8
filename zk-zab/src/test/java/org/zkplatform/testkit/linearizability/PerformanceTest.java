package org.zkplatform.testkit.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkplatform.testkit.linearizability.SimulatedHistory.Shape;

/**
 * A bound on the search, in steps rather than time (which drifts on shared machines): with
 * memoization a fault test's history of a few thousand operations takes a few steps per operation.
 */
class PerformanceTest {

    @Test
    void twoThousandOperationsOnTenKeysFromEightClientsTakeFewStepsEach() {
        SimulatedHistory<ZnodeState, ZnodeOp, ZnodeResult> simulated = SimulatedHistory.run(new CasRegisterModel(),
                RandomizedHistoryTest.znodeOps(10), new Shape(8, 250, 40, 0.02), new Random(42));
        assertEquals(2000, simulated.history().size());

        CheckResult<ZnodeState, ZnodeOp, ZnodeResult> result =
                new LinearizabilityChecker<>(new CasRegisterModel()).check(simulated.history());

        assertEquals(Verdict.LINEARIZABLE, result.verdict(), result::describe);
        assertEquals(10, result.partitions().size());
        long steps = result.partitions().stream().mapToLong(PartitionResult::steps).sum();
        assertTrue(steps < 10 * simulated.history().size(), steps + " steps");
    }
}
