package org.zkplatform.testkit.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.BAD_VERSION;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.NODE_EXISTS;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.NO_NODE;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.OK;

import org.junit.jupiter.api.Test;
import org.zkplatform.testkit.linearizability.ZnodeOp.Cas;
import org.zkplatform.testkit.linearizability.ZnodeOp.Create;
import org.zkplatform.testkit.linearizability.ZnodeOp.Delete;
import org.zkplatform.testkit.linearizability.ZnodeOp.Read;
import org.zkplatform.testkit.linearizability.ZnodeOp.Write;
import org.zkplatform.testkit.linearizability.ZnodeResult.Data;
import org.zkplatform.testkit.linearizability.ZnodeResult.Updated;

/** Hand-written znode histories, as several clients through several servers would record them. */
class CasRegisterHistoryTest {

    private static final String K = "/test/k";

    private final HistoryBuilder<ZnodeOp, ZnodeResult> h = new HistoryBuilder<>();

    private CheckResult<ZnodeState, ZnodeOp, ZnodeResult> check() {
        return new LinearizabilityChecker<>(new CasRegisterModel()).check(h.history());
    }

    private void assertLinearizable() {
        CheckResult<ZnodeState, ZnodeOp, ZnodeResult> result = check();
        assertEquals(Verdict.LINEARIZABLE, result.verdict(), result::describe);
    }

    private Explanation<ZnodeState, ZnodeOp, ZnodeResult> assertImpossible(Operation<ZnodeOp, ZnodeResult> culprit) {
        CheckResult<ZnodeState, ZnodeOp, ZnodeResult> result = check();
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict(), result::describe);
        Explanation<ZnodeState, ZnodeOp, ZnodeResult> explanation = result.failures().get(0);
        assertEquals(K, explanation.key());
        assertTrue(explanation.impossibleOperations().contains(culprit), explanation::render);
        String text = explanation.render();
        assertTrue(text.contains("key " + K + " is not linearizable"), text);
        assertTrue(text.contains(culprit + ": impossible here"), text);
        return explanation;
    }

    @Test
    void concurrentWritesOrderedByTheVersionsTheyReturned() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        h.ok("c1", 20, 100, new Write(K, "b"), new Updated(2));
        h.ok("c2", 25, 90, new Write(K, "c"), new Updated(1));
        h.ok("c3", 30, 40, new Read(K), new Data("a", 0));
        h.ok("c3", 50, 60, new Read(K), new Data("c", 1));
        h.ok("c4", 55, 95, new Read(K), new Data("b", 2));
        h.ok("c3", 120, 130, new Read(K), new Data("b", 2));
        assertLinearizable();
    }

    @Test
    void casChainWithLosersThatGotBadVersion() {
        h.ok("c1", 0, 10, new Create(K, "v0"), OK);
        h.ok("c1", 20, 50, new Cas(K, "v1", 0), new Updated(1));
        h.ok("c2", 25, 55, new Cas(K, "x", 0), BAD_VERSION);
        h.ok("c3", 30, 70, new Cas(K, "v2", 1), new Updated(2));
        h.ok("c2", 60, 80, new Cas(K, "y", 1), BAD_VERSION);
        h.ok("c1", 90, 100, new Cas(K, "v3", 2), new Updated(3));
        h.ok("c2", 110, 120, new Read(K), new Data("v3", 3));
        assertLinearizable();
    }

    @Test
    void createDeleteCreateCycles() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        h.ok("c2", 5, 15, new Create(K, "b"), NODE_EXISTS);
        h.ok("c1", 20, 30, new Write(K, "a2"), new Updated(1));
        h.ok("c2", 40, 50, new Delete(K, 1), OK);
        h.ok("c1", 60, 70, new Read(K), NO_NODE);
        h.ok("c3", 65, 75, new Delete(K, -1), NO_NODE);
        h.ok("c3", 80, 90, new Create(K, "c"), OK);
        h.ok("c1", 100, 110, new Read(K), new Data("c", 0));
        h.ok("c2", 100, 130, new Delete(K, 5), BAD_VERSION);
        h.ok("c2", 140, 150, new Cas(K, "d", 0), new Updated(1));
        assertLinearizable();
    }

    @Test
    void casThatNeverReturnedButTookEffect() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        h.pending("c1", 20, new Cas(K, "b", 0));
        h.ok("c2", 30, 40, new Read(K), new Data("a", 0));
        h.ok("c2", 50, 60, new Read(K), new Data("b", 1));
        h.ok("c2", 70, 80, new Cas(K, "c", 1), new Updated(2));
        assertLinearizable();
    }

    @Test
    void createThatNeverReturnedAndNeverTookEffect() {
        h.pending("c1", 0, new Create(K, "a"));
        h.ok("c2", 10, 20, new Read(K), NO_NODE);
        h.ok("c2", 30, 40, new Create(K, "b"), OK);
        h.ok("c2", 50, 60, new Read(K), new Data("b", 0));
        assertLinearizable();
    }

    @Test
    void deleteThatNeverReturnedTookEffectAfterALaterCreateFailed() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        h.pending("c1", 20, new Delete(K, -1));
        h.ok("c2", 30, 40, new Create(K, "b"), NODE_EXISTS);
        h.ok("c2", 50, 60, new Create(K, "c"), OK);
        assertLinearizable();
    }

    @Test
    void staleReadAfterACompletedWrite() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        h.ok("c1", 20, 30, new Write(K, "b"), new Updated(1));
        Operation<ZnodeOp, ZnodeResult> stale = h.ok("c2", 40, 50, new Read(K), new Data("a", 0));
        Explanation<ZnodeState, ZnodeOp, ZnodeResult> explanation = assertImpossible(stale);
        assertEquals(ZnodeState.present("b", 1), explanation.stateAfterPrefix());
        assertTrue(explanation.render().contains("the model would return Data[value=b, version=1]"),
                explanation::render);
    }

    @Test
    void twoSuccessfulCasFromTheSameVersion() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        Operation<ZnodeOp, ZnodeResult> first = h.ok("c1", 20, 40, new Cas(K, "b", 0), new Updated(1));
        Operation<ZnodeOp, ZnodeResult> second = h.ok("c2", 20, 40, new Cas(K, "c", 0), new Updated(1));
        CheckResult<ZnodeState, ZnodeOp, ZnodeResult> result = check();
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
        Explanation<ZnodeState, ZnodeOp, ZnodeResult> explanation = result.failures().get(0);
        assertEquals(1, explanation.impossibleOperations().size(), explanation::render);
        assertTrue(first == explanation.impossibleOperations().get(0)
                || second == explanation.impossibleOperations().get(0));
    }

    @Test
    void readOfAValueNeverWritten() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        h.ok("c1", 20, 30, new Write(K, "b"), new Updated(1));
        Operation<ZnodeOp, ZnodeResult> phantom = h.ok("c2", 25, 50, new Read(K), new Data("z", 1));
        assertImpossible(phantom);
    }

    @Test
    void readOfVersionThreeBeforeVersionTwoExisted() {
        h.ok("c1", 0, 10, new Create(K, "v0"), OK);
        h.ok("c1", 20, 30, new Write(K, "v1"), new Updated(1));
        Operation<ZnodeOp, ZnodeResult> early = h.ok("c2", 40, 50, new Read(K), new Data("v3", 3));
        h.ok("c1", 60, 70, new Write(K, "v2"), new Updated(2));
        h.ok("c1", 80, 90, new Write(K, "v3"), new Updated(3));
        assertImpossible(early);
    }

    @Test
    void secondCreateWithoutADeleteInBetween() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        Operation<ZnodeOp, ZnodeResult> again = h.ok("c2", 20, 30, new Create(K, "b"), OK);
        assertImpossible(again);
    }

    @Test
    void versionAfterRecreateMustStartAtZero() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        h.ok("c1", 20, 30, new Write(K, "b"), new Updated(1));
        h.ok("c1", 40, 50, new Delete(K, -1), OK);
        h.ok("c1", 60, 70, new Create(K, "c"), OK);
        Operation<ZnodeOp, ZnodeResult> kept = h.ok("c1", 80, 90, new Write(K, "d"), new Updated(2));
        assertImpossible(kept);
    }

    @Test
    void badVersionWhenTheVersionMatchedIsNotLinearizable() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        Operation<ZnodeOp, ZnodeResult> refused = h.ok("c2", 20, 30, new Cas(K, "b", 0), BAD_VERSION);
        assertImpossible(refused);
    }

    @Test
    void explanationListsThePrefixAndEveryCandidate() {
        h.ok("c1", 0, 10, new Create(K, "a"), OK);
        h.pending("c3", 5, new Write(K, "p"));
        h.ok("c1", 20, 30, new Write(K, "b"), new Updated(1));
        Operation<ZnodeOp, ZnodeResult> stale = h.ok("c2", 40, 50, new Read(K), new Data("a", 0));
        h.ok("c2", 60, 70, new Read(K), new Data("b", 1));
        Explanation<ZnodeState, ZnodeOp, ZnodeResult> explanation = assertImpossible(stale);
        assertEquals(stale, explanation.deadline());
        assertEquals(2, explanation.candidates().size(), explanation::render);
        assertTrue(explanation.render().contains("never returned; taking effect here"), explanation::render);
        assertEquals(5, explanation.operations());
    }
}
