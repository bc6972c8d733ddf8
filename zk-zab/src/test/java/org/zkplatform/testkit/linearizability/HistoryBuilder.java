package org.zkplatform.testkit.linearizability;

import java.util.ArrayList;
import java.util.List;

/** Writes histories by hand in tests, numbering the operations in the order they are added. */
final class HistoryBuilder<O, R> {

    private final List<Operation<O, R>> operations = new ArrayList<>();

    /** An operation that returned {@code result}. */
    Operation<O, R> ok(String process, long invokedAt, long respondedAt, O op, R result) {
        return add(Operation.completed(operations.size(), process, invokedAt, respondedAt, op, result));
    }

    /** An operation that never returned. */
    Operation<O, R> pending(String process, long invokedAt, O op) {
        return add(Operation.indeterminate(operations.size(), process, invokedAt, op));
    }

    List<Operation<O, R>> history() {
        return List.copyOf(operations);
    }

    private Operation<O, R> add(Operation<O, R> operation) {
        operations.add(operation);
        return operation;
    }
}
