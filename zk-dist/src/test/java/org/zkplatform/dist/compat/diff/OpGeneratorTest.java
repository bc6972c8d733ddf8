package org.zkplatform.dist.compat.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A seed must name one op stream, or a reported failure could not be rerun. */
class OpGeneratorTest {

    @Test
    void aSeedAlwaysGivesTheSameOps() {
        assertEquals(ops(99, 2000), ops(99, 2000));
    }

    @Test
    void seedsDiffer() {
        assertNotEquals(ops(1, 200), ops(2, 200));
    }

    @Test
    void theFirstOpsOpenEverySession() {
        List<Op> ops = ops(5, OpGenerator.SLOTS);
        for (int slot = 0; slot < OpGenerator.SLOTS; slot++) {
            assertEquals(new Op.Connect(slot, 30000), ops.get(slot));
        }
    }

    private static List<Op> ops(long seed, int count) {
        OpGenerator generator = new OpGenerator(seed);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ops.add(generator.next());
        }
        return ops;
    }
}
