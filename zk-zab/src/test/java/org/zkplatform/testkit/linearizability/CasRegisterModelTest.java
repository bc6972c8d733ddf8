package org.zkplatform.testkit.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.BAD_VERSION;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.NODE_EXISTS;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.NO_NODE;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.OK;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zkplatform.testkit.linearizability.Model.Outcome;
import org.zkplatform.testkit.linearizability.ZnodeOp.Cas;
import org.zkplatform.testkit.linearizability.ZnodeOp.Create;
import org.zkplatform.testkit.linearizability.ZnodeOp.Delete;
import org.zkplatform.testkit.linearizability.ZnodeOp.Read;
import org.zkplatform.testkit.linearizability.ZnodeOp.Write;
import org.zkplatform.testkit.linearizability.ZnodeResult.Data;
import org.zkplatform.testkit.linearizability.ZnodeResult.Updated;

/** The znode model against ZooKeeper's semantics, one operation at a time. */
class CasRegisterModelTest {

    private static final String P = "/k";
    private static final ZnodeState ABSENT = ZnodeState.absent();
    private static final ZnodeState AT_3 = ZnodeState.present("c", 3);

    private final CasRegisterModel model = new CasRegisterModel();

    private static <S, R> Outcome<S, R> outcome(S next, R result) {
        return new Outcome<>(next, result);
    }

    @Test
    void startsAbsent() {
        assertEquals(ABSENT, model.init());
    }

    @Test
    void createStartsAtVersionZeroUnlessPresent() {
        assertEquals(outcome(ZnodeState.present("a", 0), OK), model.apply(ABSENT, new Create(P, "a")));
        assertEquals(outcome(AT_3, NODE_EXISTS), model.apply(AT_3, new Create(P, "a")));
    }

    @Test
    void readReturnsDataAndVersionOrNoNode() {
        assertEquals(outcome(AT_3, new Data("c", 3)), model.apply(AT_3, new Read(P)));
        assertEquals(outcome(ABSENT, NO_NODE), model.apply(ABSENT, new Read(P)));
    }

    @Test
    void writeIncrementsTheVersionIfPresent() {
        assertEquals(outcome(ZnodeState.present("d", 4), new Updated(4)), model.apply(AT_3, new Write(P, "d")));
        assertEquals(outcome(ABSENT, NO_NODE), model.apply(ABSENT, new Write(P, "d")));
    }

    @Test
    void casSucceedsOnlyAtTheExpectedVersion() {
        assertEquals(outcome(ZnodeState.present("d", 4), new Updated(4)), model.apply(AT_3, new Cas(P, "d", 3)));
        assertEquals(outcome(AT_3, BAD_VERSION), model.apply(AT_3, new Cas(P, "d", 2)));
        assertEquals(outcome(AT_3, BAD_VERSION), model.apply(AT_3, new Cas(P, "d", 4)));
    }

    @Test
    void casOnAnAbsentZnodeIsNoNodeBeforeAnyVersionCheck() {
        assertEquals(outcome(ABSENT, NO_NODE), model.apply(ABSENT, new Cas(P, "d", 0)));
    }

    @Test
    void deleteChecksExistenceThenVersion() {
        assertEquals(outcome(ABSENT, OK), model.apply(AT_3, new Delete(P, -1)));
        assertEquals(outcome(ABSENT, OK), model.apply(AT_3, new Delete(P, 3)));
        assertEquals(outcome(AT_3, BAD_VERSION), model.apply(AT_3, new Delete(P, 0)));
        assertEquals(outcome(ABSENT, NO_NODE), model.apply(ABSENT, new Delete(P, -1)));
        assertEquals(outcome(ABSENT, NO_NODE), model.apply(ABSENT, new Delete(P, 3)));
    }

    @Test
    void createAfterDeleteStartsAgainAtVersionZero() {
        ZnodeState state = model.init();
        state = model.apply(state, new Create(P, "a")).next();
        state = model.apply(state, new Write(P, "b")).next();
        state = model.apply(state, new Write(P, "c")).next();
        state = model.apply(state, new Delete(P, 2)).next();
        assertEquals(ABSENT, state);
        state = model.apply(state, new Create(P, "d")).next();
        assertEquals(outcome(ZnodeState.present("e", 1), new Updated(1)), model.apply(state, new Cas(P, "e", 0)));
    }

    @Test
    void stepRefusesAResultTheModelWouldNotGive() {
        assertEquals(Optional.of(ZnodeState.present("d", 4)), model.step(AT_3, new Write(P, "d"), new Updated(4)));
        assertEquals(Optional.empty(), model.step(AT_3, new Write(P, "d"), new Updated(3)));
        assertEquals(Optional.empty(), model.step(AT_3, new Cas(P, "d", 3), BAD_VERSION));
        assertEquals(Optional.empty(), model.step(AT_3, new Read(P), new Data("c", 2)));
    }

    @Test
    void partitionsByPathAndOnlyReadsAreReadOnly() {
        assertEquals("/a/b", model.partition(new Delete("/a/b", -1)));
        assertTrue(model.isReadOnly(new Read(P)));
        assertFalse(model.isReadOnly(new Cas(P, "x", 0)));
        assertFalse(model.isReadOnly(new Delete(P, 5)));
    }

    @Test
    void refusesMalformedOperationsAndStates() {
        assertThrows(IllegalArgumentException.class, () -> new Cas(P, "x", -1));
        assertThrows(IllegalArgumentException.class, () -> new Delete(P, -2));
        assertThrows(IllegalArgumentException.class, () -> ZnodeState.present("x", -1));
        assertThrows(IllegalArgumentException.class, () -> new ZnodeState(false, "x", -1));
    }
}
