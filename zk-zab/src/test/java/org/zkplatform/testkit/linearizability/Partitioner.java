package org.zkplatform.testkit.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits a history by the key each operation touches ({@link Model#partition}). Linearizability
 * is local (Herlihy and Wing): a history of independent objects is linearizable if and only if
 * each object's sub-history is, so each key is checked on its own, and the search, exponential in
 * the worst case, runs on small histories.
 */
final class Partitioner {

    private Partitioner() {
    }

    /** Each key's operations, in the order of the history; keys sorted, for reproducible reports. */
    static <O, R> SortedMap<String, List<Operation<O, R>>> byKey(Model<?, O, R> model, List<Operation<O, R>> history) {
        SortedMap<String, List<Operation<O, R>>> partitions = new TreeMap<>();
        for (Operation<O, R> operation : history) {
            partitions.computeIfAbsent(model.partition(operation.op()), key -> new ArrayList<>()).add(operation);
        }
        return partitions;
    }
}
