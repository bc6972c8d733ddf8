package org.zkplatform.testkit.linearizability;

import java.util.Optional;

/**
 * A sequential specification: the object a linearizable history must look like a single copy of.
 * Models here are deterministic, as in Knossos: from a state an operation has exactly one outcome,
 * a next state and a result. That one outcome is what lets the checker place an operation that
 * never returned (take its effect, ignore its result) and say in a report what an operation
 * should have returned instead.
 *
 * <p>States are compared with {@link Object#equals} and {@link Object#hashCode} to memoize the
 * search, so they must be immutable values (records do).
 *
 * @param <S> the object's states
 * @param <O> its operations
 * @param <R> their results
 */
public interface Model<S, O, R> {

    /** What applying an operation to a state gives: the next state and the operation's result. */
    record Outcome<S, R>(S next, R result) {
    }

    /** The state before the first operation. */
    S init();

    /** The one outcome of {@code op} from {@code state}. */
    Outcome<S, R> apply(S state, O op);

    /**
     * The state after {@code op} returned {@code result} from {@code state}, or empty if it could
     * not have: the model would have returned something else.
     */
    default Optional<S> step(S state, O op, R result) {
        Outcome<S, R> outcome = apply(state, op);
        return outcome.result().equals(result) ? Optional.of(outcome.next()) : Optional.empty();
    }

    /**
     * The independent part of the object {@code op} touches: operations on different keys never
     * affect each other, so each key's history is checked on its own (P-compositionality). A model
     * of one indivisible object returns the same key for every operation.
     */
    String partition(O op);

    /**
     * Whether {@code op} never changes the state. Such an operation that never returned says
     * nothing, so the checker leaves it out.
     */
    boolean isReadOnly(O op);
}
