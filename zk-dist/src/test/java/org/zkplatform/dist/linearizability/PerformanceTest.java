package org.zkplatform.dist.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkplatform.dist.linearizability.SimulatedHistory.Shape;

/** A sanity bound: a fault test's history of a few thousand operations checks in well under seconds. */
class PerformanceTest {

    @Test
    void twoThousandOperationsOnTenKeysFromEightClients() {
        SimulatedHistory<ZnodeState, ZnodeOp, ZnodeResult> simulated = SimulatedHistory.run(new CasRegisterModel(),
                RandomizedHistoryTest.znodeOps(10), new Shape(8, 250, 40, 0.02), new Random(42));
        assertEquals(2000, simulated.history().size());

        long started = System.nanoTime();
        CheckResult<ZnodeState, ZnodeOp, ZnodeResult> result =
                new LinearizabilityChecker<>(new CasRegisterModel()).check(simulated.history());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(Verdict.LINEARIZABLE, result.verdict(), result::describe);
        assertEquals(10, result.partitions().size());
        assertTrue(elapsed.compareTo(Duration.ofSeconds(2)) < 0, "took " + elapsed);
        System.out.println("checked 2000 operations on 10 znodes in " + elapsed.toMillis() + " ms, "
                + result.partitions().stream().mapToLong(PartitionResult::steps).sum() + " steps");
    }
}
