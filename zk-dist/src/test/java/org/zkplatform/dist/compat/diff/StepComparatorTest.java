package org.zkplatform.dist.compat.diff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.junit.jupiter.api.Test;

/** Proves the harness can fail: hand-built logs that differ must be reported with what reproduces them. */
class StepComparatorTest {

    private static final DiffConfig CONFIG = new DiffConfig(1234, 5000, true, false);
    private static final NodeStat STAT = new NodeStat(5, 5, "t", "t", 0, 0, 0, "0", 2, 0, 5);

    private static final List<Op> OPS = List.of(
            new Op.Connect(0, 30000),
            new Op.Create(0, "/a", "0102", AclChoice.OPEN, org.apache.zookeeper.CreateMode.PERSISTENT, -1, true),
            new Op.GetData(0, "/a", true),
            new Op.SetData(0, "/a", "03", -1));

    private static final List<Step> REFERENCE = List.of(
            new Step(new Result.Connected(30000), List.of(new Event(0, EventType.None, KeeperState.SyncConnected, null, -1))),
            new Step(new Result.Created("/a", STAT), List.of()),
            new Step(new Result.Data("0102", STAT), List.of()),
            new Step(new Result.StatOf(new NodeStat(5, 6, "t", "t", 1, 0, 0, "0", 1, 0, 5)),
                    List.of(new Event(0, EventType.NodeDataChanged, KeeperState.SyncConnected, "/a", 6))));

    @Test
    void equalLogsPass() {
        StepComparator comparator = new StepComparator(CONFIG, "apache", "zkplatform");
        for (int i = 0; i < OPS.size(); i++) {
            int index = i;
            assertDoesNotThrow(() -> comparator.check(index, OPS.get(index), REFERENCE.get(index), REFERENCE.get(index)));
        }
    }

    @Test
    void aDifferentResultIsReportedWithSeedOpIndexAndBothResults() {
        List<Step> target = List.of(REFERENCE.get(0), REFERENCE.get(1), new Step(new Result.Failed(Code.NONODE), List.of()),
                REFERENCE.get(3));

        String report = firstMismatch(target);

        assertTrue(report.contains("at op #2 of seed 1234"), report);
        assertTrue(report.contains("-Ddiff.seed=1234 -Ddiff.ops=3"), report);
        assertTrue(report.contains(OPS.get(2).toString()), report);
        assertTrue(report.contains(REFERENCE.get(2).result().toString()), report);
        assertTrue(report.contains("Failed[code=NONODE]"), report);
        assertTrue(report.contains("#1 " + OPS.get(1)), report);
    }

    @Test
    void aMissingEventIsReported() {
        List<Step> target = List.of(REFERENCE.get(0), REFERENCE.get(1), REFERENCE.get(2),
                new Step(REFERENCE.get(3).result(), List.of()));

        String report = firstMismatch(target);

        assertTrue(report.contains("at op #3 of seed 1234"), report);
        assertTrue(report.contains("NodeDataChanged"), report);
    }

    @Test
    void anOpOneSideCouldNotCompleteIsReported() {
        StepComparator comparator = new StepComparator(CONFIG, "apache", "zkplatform");
        AssertionError report = comparator.broken(7, OPS.get(2), REFERENCE.get(2), null, null,
                new IllegalStateException("sync barrier not answered"));

        assertTrue(report.getMessage().contains("at op #7 of seed 1234"), report.getMessage());
        assertTrue(report.getMessage().contains("sync barrier not answered"), report.getMessage());
    }

    private static String firstMismatch(List<Step> target) {
        StepComparator comparator = new StepComparator(CONFIG, "apache", "zkplatform");
        return assertThrows(AssertionError.class, () -> {
            for (int i = 0; i < OPS.size(); i++) {
                comparator.check(i, OPS.get(i), REFERENCE.get(i), target.get(i));
            }
        }).getMessage();
    }
}
