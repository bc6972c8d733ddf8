package org.zkplatform.testkit.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkplatform.testkit.linearizability.RegisterOp.Read;
import org.zkplatform.testkit.linearizability.RegisterOp.Write;
import org.zkplatform.testkit.linearizability.RegisterResult.Ack;
import org.zkplatform.testkit.linearizability.RegisterResult.Value;

/** The checker itself, on the plain register and the histories of the literature. */
class RegisterCheckerTest {

    private final HistoryBuilder<RegisterOp, RegisterResult> h = new HistoryBuilder<>();

    private static CheckResult<Integer, RegisterOp, RegisterResult> check(
            List<Operation<RegisterOp, RegisterResult>> history) {
        return new LinearizabilityChecker<>(new RegisterModel()).check(history);
    }

    private void assertLinearizable() {
        CheckResult<Integer, RegisterOp, RegisterResult> result = check(h.history());
        assertEquals(Verdict.LINEARIZABLE, result.verdict(), result::describe);
    }

    /** Asserts the history fails on key "x" and the model rules out {@code culprit} after the longest prefix. */
    private Explanation<Integer, RegisterOp, RegisterResult> assertFailsAt(Operation<RegisterOp, RegisterResult> culprit) {
        CheckResult<Integer, RegisterOp, RegisterResult> result = check(h.history());
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict(), result::describe);
        Explanation<Integer, RegisterOp, RegisterResult> explanation = result.failures().get(0);
        assertEquals("x", explanation.key());
        assertTrue(explanation.impossibleOperations().contains(culprit), explanation::render);
        assertTrue(result.describe().contains("#" + culprit.id() + " "), result::describe);
        return explanation;
    }

    @Test
    void emptyHistoryIsLinearizable() {
        assertLinearizable();
    }

    @Test
    void sequentialWriteThenRead() {
        h.ok("a", 0, 10, new Write("x", 1), Ack.OK);
        h.ok("b", 20, 30, new Read("x"), new Value(1));
        assertLinearizable();
    }

    @Test
    void overlappingWritesMayTakeEffectInEitherOrder() {
        h.ok("a", 0, 100, new Write("x", 1), Ack.OK);
        h.ok("b", 10, 90, new Write("x", 2), Ack.OK);
        h.ok("c", 20, 30, new Read("x"), new Value(2));
        h.ok("c", 40, 50, new Read("x"), new Value(1));
        h.ok("c", 200, 210, new Read("x"), new Value(1));
        assertLinearizable();
    }

    @Test
    void readsConcurrentWithAWriteMaySeeOldOrNewValue() {
        h.ok("a", 0, 100, new Write("x", 1), Ack.OK);
        h.ok("b", 10, 20, new Read("x"), new Value(0));
        h.ok("c", 15, 60, new Read("x"), new Value(1));
        h.ok("b", 30, 40, new Read("x"), new Value(0));
        assertLinearizable();
    }

    @Test
    void oldValueAfterTheNewOneWasReadIsNotLinearizable() {
        h.ok("a", 0, 100, new Write("x", 1), Ack.OK);
        h.ok("b", 10, 20, new Read("x"), new Value(1));
        Operation<RegisterOp, RegisterResult> late = h.ok("c", 30, 40, new Read("x"), new Value(0));
        assertFailsAt(late);
    }

    @Test
    void orderOfTwoWritesIsFixedOnceBothReturned() {
        h.ok("a", 0, 10, new Write("x", 1), Ack.OK);
        h.ok("b", 0, 10, new Write("x", 2), Ack.OK);
        h.ok("c", 20, 30, new Read("x"), new Value(1));
        Operation<RegisterOp, RegisterResult> flip = h.ok("c", 40, 50, new Read("x"), new Value(2));
        assertFailsAt(flip);
    }

    @Test
    void staleReadAfterACompletedWriteIsNotLinearizable() {
        h.ok("a", 0, 10, new Write("x", 1), Ack.OK);
        h.ok("a", 20, 30, new Write("x", 2), Ack.OK);
        Operation<RegisterOp, RegisterResult> stale = h.ok("b", 40, 50, new Read("x"), new Value(1));
        Explanation<Integer, RegisterOp, RegisterResult> explanation = assertFailsAt(stale);
        assertEquals(2, explanation.longestPrefix().size());
        assertEquals(2, explanation.stateAfterPrefix());
        assertEquals(stale, explanation.deadline());
    }

    @Test
    void readOfAValueNeverWrittenIsNotLinearizable() {
        h.ok("a", 0, 10, new Write("x", 1), Ack.OK);
        Operation<RegisterOp, RegisterResult> phantom = h.ok("b", 5, 50, new Read("x"), new Value(7));
        assertFailsAt(phantom);
    }

    @Test
    void intervalsThatTouchAreConcurrent() {
        h.ok("a", 0, 10, new Write("x", 1), Ack.OK);
        h.ok("b", 10, 20, new Read("x"), new Value(0));
        assertLinearizable();
    }

    @Test
    void readInvokedAfterTheWriteReturnedSeesIt() {
        h.ok("a", 0, 10, new Write("x", 1), Ack.OK);
        Operation<RegisterOp, RegisterResult> read = h.ok("b", 11, 20, new Read("x"), new Value(0));
        assertFailsAt(read);
    }

    @Test
    void writeThatNeverReturnedMayHaveTakenEffectLater() {
        h.pending("a", 0, new Write("x", 1));
        h.ok("b", 10, 20, new Read("x"), new Value(0));
        h.ok("b", 1000, 1010, new Read("x"), new Value(1));
        h.ok("b", 2000, 2010, new Read("x"), new Value(1));
        assertLinearizable();
    }

    @Test
    void writeThatNeverReturnedMayNeverTakeEffect() {
        h.pending("a", 0, new Write("x", 1));
        h.ok("b", 10, 20, new Read("x"), new Value(0));
        h.ok("b", 1000, 1010, new Read("x"), new Value(0));
        assertLinearizable();
    }

    @Test
    void writeThatNeverReturnedMayTakeEffectAfterItsClientsLaterWrites() {
        h.pending("a", 0, new Write("x", 1));
        h.ok("a", 10, 20, new Write("x", 2), Ack.OK);
        h.ok("b", 30, 40, new Read("x"), new Value(1));
        assertLinearizable();
    }

    @Test
    void writeThatNeverReturnedTakesEffectOnlyOnce() {
        h.pending("a", 0, new Write("x", 1));
        h.ok("b", 10, 20, new Read("x"), new Value(1));
        Operation<RegisterOp, RegisterResult> undone = h.ok("b", 30, 40, new Read("x"), new Value(0));
        assertFailsAt(undone);
    }

    @Test
    void writeThatNeverReturnedCannotTakeEffectBeforeItsInvocation() {
        Operation<RegisterOp, RegisterResult> early = h.ok("b", 0, 10, new Read("x"), new Value(1));
        h.pending("a", 20, new Write("x", 1));
        assertFailsAt(early);
    }

    @Test
    void readsThatNeverReturnedAreLeftOut() {
        h.ok("a", 0, 10, new Write("x", 1), Ack.OK);
        h.pending("b", 5, new Read("x"));
        CheckResult<Integer, RegisterOp, RegisterResult> result = check(h.history());
        assertEquals(Verdict.LINEARIZABLE, result.verdict());
        assertEquals(1, result.partitions().get(0).operations());
    }

    @Test
    void keysAreCheckedSeparately() {
        h.ok("a", 0, 10, new Write("y", 1), Ack.OK);
        h.ok("a", 20, 30, new Write("x", 1), Ack.OK);
        h.ok("b", 40, 50, new Read("y"), new Value(1));
        Operation<RegisterOp, RegisterResult> stale = h.ok("b", 60, 70, new Read("x"), new Value(0));
        CheckResult<Integer, RegisterOp, RegisterResult> result = check(h.history());
        assertEquals(List.of("x", "y"), result.partitions().stream().map(PartitionResult::key).toList());
        assertEquals(Verdict.NOT_LINEARIZABLE, result.partitions().get(0).verdict());
        assertEquals(Verdict.LINEARIZABLE, result.partitions().get(1).verdict());
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
        assertEquals(List.of(stale), result.failures().get(0).impossibleOperations());
    }

    /** Many concurrent writes and then an impossible read: Lowe's cache still leaves n * 2^(n-1) configurations. */
    private void hardHistory() {
        for (int i = 1; i <= 20; i++) {
            h.ok("w" + i, 0, 1000, new Write("x", i), Ack.OK);
        }
        h.ok("r", 2000, 2010, new Read("x"), new Value(99));
    }

    @Test
    void exhaustedStepBudgetIsUnknownNotAFailure() {
        hardHistory();
        CheckResult<Integer, RegisterOp, RegisterResult> result =
                new LinearizabilityChecker<>(new RegisterModel(), Budget.steps(10_000)).check(h.history());
        assertEquals(Verdict.UNKNOWN, result.verdict());
        PartitionResult<Integer, RegisterOp, RegisterResult> partition = result.partitions().get(0);
        assertEquals(10_000, partition.steps());
        assertTrue(partition.note().orElseThrow().startsWith("step budget of 10000 exhausted"), partition::describe);
        assertTrue(result.failures().isEmpty());
    }

    @Test
    void exhaustedTimeBudgetIsUnknownNotAFailure() {
        hardHistory();
        CheckResult<Integer, RegisterOp, RegisterResult> result = new LinearizabilityChecker<>(new RegisterModel(),
                new Budget(Long.MAX_VALUE, Duration.ofMillis(50))).check(h.history());
        assertEquals(Verdict.UNKNOWN, result.verdict());
        assertTrue(result.describe().contains("time budget of PT0.05S exhausted"), result::describe);
    }

    @Test
    void unknownGivesWayToAFailureOnAnotherKey() {
        hardHistory();
        h.ok("a", 0, 10, new Write("y", 1), Ack.OK);
        h.ok("b", 20, 30, new Read("y"), new Value(0));
        CheckResult<Integer, RegisterOp, RegisterResult> result =
                new LinearizabilityChecker<>(new RegisterModel(), Budget.steps(1000)).check(h.history());
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
        assertEquals("y", result.failures().get(0).key());
    }
}
