package org.zkplatform.testkit.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkplatform.testkit.linearizability.SimulatedHistory.OpSource;
import org.zkplatform.testkit.linearizability.SimulatedHistory.Shape;
import org.zkplatform.testkit.linearizability.SimulatedHistory.Spoiled;

/**
 * Histories of a simulated correct object must pass; the same histories with one read made stale
 * must fail, on the key of that read. Seeded: a failure names its seed.
 */
class RandomizedHistoryTest {

    private static final int SEEDS = 150;

    /** Five clients, two znodes, about 200 operations each, 5% never returning. */
    private static final Shape SHAPE = new Shape(5, 80, 40, 0.05);

    /** Reads, blind and conditional writes, creates and deletes on {@code znodes} znodes; versions expected stay small. */
    static OpSource<ZnodeOp> znodeOps(int znodes) {
        return (random, unique) -> znodeOp(random, "/k" + random.nextInt(znodes), "v" + unique);
    }

    private static ZnodeOp znodeOp(Random random, String path, String value) {
        int roll = random.nextInt(10);
        if (roll < 4) {
            return new ZnodeOp.Read(path);
        }
        if (roll < 6) {
            return new ZnodeOp.Write(path, value);
        }
        if (roll < 8) {
            return new ZnodeOp.Cas(path, value, random.nextInt(4));
        }
        if (roll < 9) {
            return new ZnodeOp.Create(path, value);
        }
        return new ZnodeOp.Delete(path, random.nextBoolean() ? -1 : random.nextInt(4));
    }

    private static final OpSource<RegisterOp> REGISTER_OPS = (random, unique) -> {
        String key = "r" + random.nextInt(2);
        return random.nextBoolean() ? new RegisterOp.Read(key) : new RegisterOp.Write(key, unique + 1);
    };

    @Test
    void znodeHistories() {
        assertPassThenFailWhenSpoiled(new CasRegisterModel(), znodeOps(2));
    }

    @Test
    void registerHistories() {
        assertPassThenFailWhenSpoiled(new RegisterModel(), REGISTER_OPS);
    }

    private static <S, O, R> void assertPassThenFailWhenSpoiled(Model<S, O, R> model, OpSource<O> source) {
        LinearizabilityChecker<S, O, R> checker = new LinearizabilityChecker<>(model);
        int spoiled = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            SimulatedHistory<S, O, R> simulated = SimulatedHistory.run(model, source, SHAPE, random);
            CheckResult<S, O, R> result = checker.check(simulated.history());
            int s = seed;
            assertEquals(Verdict.LINEARIZABLE, result.verdict(), () -> "seed " + s + ": " + result.describe());

            List<Spoiled<O, R>> spoilt = simulated.withStaleRead(random).stream().toList();
            for (Spoiled<O, R> bad : spoilt) {
                spoiled++;
                CheckResult<S, O, R> failed = checker.check(bad.history());
                assertEquals(Verdict.NOT_LINEARIZABLE, failed.verdict(),
                        () -> "seed " + s + ", stale " + bad.read() + ": " + failed.describe());
                assertEquals(List.of(model.partition(bad.read().op())),
                        failed.failures().stream().map(Explanation::key).toList());
            }
        }
        assertTrue(spoiled > SEEDS * 9 / 10, "only " + spoiled + " of " + SEEDS + " histories had a read to spoil");
    }
}
