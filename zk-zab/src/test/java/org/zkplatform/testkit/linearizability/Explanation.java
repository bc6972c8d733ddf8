package org.zkplatform.testkit.linearizability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Why a key's history is not linearizable, as far as the search can tell: the longest prefix it
 * could linearize, the state that prefix leaves, and the operations that could not come next.
 * After that prefix, the returned operation with the earliest response among those left (the
 * {@code deadline} operation) must take effect before anything invoked after its response; every
 * operation invoked by then was a candidate, and none could be placed: either the model gives a
 * different result from that state, or whatever follows it fails too. The prefix is the first
 * longest one found; others of the same length may exist.
 *
 * @param key the key whose history fails
 * @param operations how many operations of the key were searched
 * @param longestPrefix the linearized operations, in linearization order
 * @param stateAfterPrefix the model's state after them
 * @param deadline the operation that had to take effect next at the latest
 * @param candidates every operation that could have come next, with what it would have returned
 */
public record Explanation<S, O, R>(String key, int operations, List<Operation<O, R>> longestPrefix,
        S stateAfterPrefix, Operation<O, R> deadline, List<Candidate<O, R>> candidates) {

    /** An operation that could not be placed after the prefix, and its result from the prefix's state. */
    public record Candidate<O, R>(Operation<O, R> operation, R wouldReturn) {

        /** Whether the model rules it out right here: it returned something else. */
        public boolean impossibleHere() {
            return operation.result().filter(result -> !result.equals(wouldReturn)).isPresent();
        }

        @Override
        public String toString() {
            if (impossibleHere()) {
                return operation + ": impossible here, the model would return " + wouldReturn;
            }
            if (operation.returned()) {
                return operation + ": possible here, but nothing linearizable follows it";
            }
            return operation + ": never returned; taking effect here (" + wouldReturn + ") leads nowhere either";
        }
    }

    public Explanation {
        longestPrefix = List.copyOf(longestPrefix);
        candidates = List.copyOf(candidates);
    }

    /** The explanation for a search of {@code ops} whose longest linearizable prefix was {@code prefix}. */
    static <S, O, R> Explanation<S, O, R> of(Model<S, O, R> model, String key, List<Operation<O, R>> ops,
            List<Operation<O, R>> prefix, S stateAfterPrefix) {
        Set<Operation<O, R>> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        placed.addAll(prefix);
        Operation<O, R> deadline = ops.stream()
                .filter(op -> op.returned() && !placed.contains(op))
                .min(Comparator.comparingLong(Operation::completesBy))
                .orElseThrow(() -> new IllegalStateException("every returned operation was placed"));
        List<Candidate<O, R>> candidates = new ArrayList<>();
        for (Operation<O, R> op : ops) {
            if (!placed.contains(op) && op.invokedAt() <= deadline.completesBy()) {
                candidates.add(new Candidate<>(op, model.apply(stateAfterPrefix, op.op()).result()));
            }
        }
        return new Explanation<>(key, ops.size(), prefix, stateAfterPrefix, deadline, candidates);
    }

    /** The operations the model rules out right after the prefix: usually the culprits. */
    public List<Operation<O, R>> impossibleOperations() {
        return candidates.stream().filter(Candidate::impossibleHere).map(Candidate::operation).toList();
    }

    /** A report for people, several lines. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("key ").append(key).append(" is not linearizable (").append(operations).append(" operations)\n");
        text.append("longest linearizable prefix: ").append(longestPrefix.size()).append(" operations, leaving ")
                .append(stateAfterPrefix).append('\n');
        for (Operation<O, R> op : longestPrefix) {
            text.append("  ").append(op).append('\n');
        }
        text.append("nothing can come next; #").append(deadline.id()).append(" had to take effect by ")
                .append(deadline.completesBy()).append(", and of the operations invoked by then:\n");
        for (Candidate<O, R> candidate : candidates) {
            text.append("  ").append(candidate).append('\n');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
