package org.zkplatform.testkit.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.BAD_VERSION;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.NODE_EXISTS;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.NO_NODE;
import static org.zkplatform.testkit.linearizability.ZnodeResult.Status.OK;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zkplatform.testkit.linearizability.SessionOrderCheck.Guarantee;
import org.zkplatform.testkit.linearizability.SessionOrderCheck.Violation;
import org.zkplatform.testkit.linearizability.ZnodeOp.Cas;
import org.zkplatform.testkit.linearizability.ZnodeOp.Create;
import org.zkplatform.testkit.linearizability.ZnodeOp.Delete;
import org.zkplatform.testkit.linearizability.ZnodeOp.Read;
import org.zkplatform.testkit.linearizability.ZnodeOp.Write;
import org.zkplatform.testkit.linearizability.ZnodeResult.Data;
import org.zkplatform.testkit.linearizability.ZnodeResult.Updated;

class SessionOrderCheckTest {

    private static final String K = "/k";

    private final HistoryBuilder<ZnodeOp, ZnodeResult> h = new HistoryBuilder<>();

    private SessionOrderCheck.Result check() {
        return SessionOrderCheck.check(h.history());
    }

    private Violation onlyViolation() {
        List<Violation> violations = check().violations();
        assertEquals(1, violations.size(), violations::toString);
        return violations.get(0);
    }

    @Test
    void readsThatMoveForwardPass() {
        h.ok("s1", 0, 10, new Read(K), NO_NODE);
        h.ok("s1", 20, 30, new Read(K), new Data("a", 0));
        h.ok("s1", 40, 50, new Read(K), new Data("a", 0));
        h.ok("s1", 60, 70, new Read(K), new Data("c", 2));
        assertTrue(check().ok());
    }

    @Test
    void readGoingBackAVersionBreaksMonotonicReads() {
        Operation<ZnodeOp, ZnodeResult> newer = h.ok("s1", 0, 10, new Read(K), new Data("b", 2));
        Operation<ZnodeOp, ZnodeResult> older = h.ok("s1", 20, 30, new Read(K), new Data("a", 1));
        assertEquals(new Violation(Guarantee.MONOTONIC_READS, "s1", K, newer, older), onlyViolation());
    }

    @Test
    void readOfNoNodeAfterSeeingTheZnodeBreaksMonotonicReads() {
        h.ok("s1", 0, 10, new Create(K, "a"), NODE_EXISTS);
        Operation<ZnodeOp, ZnodeResult> gone = h.ok("s1", 20, 30, new Read(K), NO_NODE);
        Violation violation = onlyViolation();
        assertEquals(Guarantee.MONOTONIC_READS, violation.guarantee());
        assertEquals(gone, violation.read());
    }

    @Test
    void readOlderThanTheSessionsOwnWriteBreaksReadYourWrites() {
        h.ok("s1", 0, 10, new Read(K), new Data("a", 0));
        Operation<ZnodeOp, ZnodeResult> write = h.ok("s1", 20, 30, new Write(K, "b"), new Updated(1));
        Operation<ZnodeOp, ZnodeResult> stale = h.ok("s1", 40, 50, new Read(K), new Data("a", 0));
        Violation violation = onlyViolation();
        assertEquals(new Violation(Guarantee.READ_YOUR_WRITES, "s1", K, write, stale), violation);
        assertTrue(violation.describe().startsWith("READ_YOUR_WRITES broken on /k by s1: #2 s1 [40..50]"),
                violation::describe);
    }

    @Test
    void sameVersionWithOtherDataThanTheSessionWroteBreaksReadYourWrites() {
        h.ok("s1", 0, 10, new Create(K, "a"), OK);
        h.ok("s1", 20, 30, new Cas(K, "b", 0), new Updated(1));
        h.ok("s1", 40, 50, new Read(K), new Data("x", 1));
        assertEquals(Guarantee.READ_YOUR_WRITES, onlyViolation().guarantee());
    }

    @Test
    void readOfNoNodeAfterTheSessionsCreateBreaksReadYourWrites() {
        h.ok("s1", 0, 10, new Create(K, "a"), OK);
        h.ok("s1", 20, 30, new Read(K), NO_NODE);
        assertEquals(Guarantee.READ_YOUR_WRITES, onlyViolation().guarantee());
    }

    @Test
    void otherSessionsMayReadOlderState() {
        h.ok("s1", 0, 10, new Create(K, "a"), OK);
        h.ok("s1", 20, 30, new Write(K, "b"), new Updated(1));
        h.ok("s2", 40, 50, new Read(K), new Data("a", 0));
        h.ok("s3", 40, 50, new Read(K), NO_NODE);
        assertTrue(check().ok());
    }

    @Test
    void overlappingOperationsOfASessionAreNotOrdered() {
        h.ok("s1", 0, 30, new Write(K, "b"), new Updated(1));
        h.ok("s1", 10, 20, new Read(K), new Data("a", 0));
        h.ok("s1", 30, 40, new Read(K), new Data("a", 0));
        assertTrue(check().ok());
    }

    @Test
    void writesWithoutResponseAndOtherErrorsTellLittle() {
        h.ok("s1", 0, 10, new Read(K), new Data("a", 0));
        h.pending("s1", 20, new Write(K, "b"));
        h.ok("s1", 30, 40, new Cas(K, "c", 5), BAD_VERSION);
        h.ok("s1", 50, 60, new Read(K), new Data("a", 0));
        assertTrue(check().ok());
    }

    @Test
    void znodesEverDeletedAreSkipped() {
        h.ok("s1", 0, 10, new Read(K), new Data("b", 2));
        h.ok("s1", 20, 30, new Read(K), new Data("a", 0));
        h.pending("s2", 0, new Delete(K, -1));
        h.ok("s1", 0, 10, new Read("/other"), new Data("b", 2));
        h.ok("s1", 20, 30, new Read("/other"), new Data("a", 1));
        SessionOrderCheck.Result result = check();
        assertEquals(Set.of(K), result.skippedKeys());
        assertEquals(1, result.violations().size());
        assertEquals("/other", result.violations().get(0).key());
    }
}
