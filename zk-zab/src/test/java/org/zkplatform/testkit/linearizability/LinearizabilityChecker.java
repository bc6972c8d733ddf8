package org.zkplatform.testkit.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a history is linearizable for a {@link Model}: whether every operation that
 * returned can be given an instant between its invocation and its response, and some of those
 * that never returned an instant after their invocation, such that applying them to the model in
 * that order gives every returned operation its recorded result.
 *
 * <p>The history is split by key ({@link Partitioner}) and each key searched on its own
 * ({@link WingGong}) within the {@link Budget}, which applies to each key separately. Results of
 * operations are compared exactly, so recorded results must be as complete as the model's (a
 * setData's new version, a getData's data and version).
 */
public final class LinearizabilityChecker<S, O, R> {

    private final Model<S, O, R> model;
    private final Budget budget;

    public LinearizabilityChecker(Model<S, O, R> model, Budget budget) {
        this.model = Objects.requireNonNull(model, "model");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    public LinearizabilityChecker(Model<S, O, R> model) {
        this(model, Budget.DEFAULT);
    }

    public CheckResult<S, O, R> check(List<Operation<O, R>> history) {
        List<PartitionResult<S, O, R>> results = new ArrayList<>();
        for (Map.Entry<String, List<Operation<O, R>>> partition : Partitioner.byKey(model, history).entrySet()) {
            results.add(WingGong.check(model, budget, partition.getKey(), partition.getValue()));
        }
        return new CheckResult<>(results);
    }
}
