package org.zkplatform.testkit.linearizability;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The checker's answer for a whole history: not linearizable if any key is not (linearizability
 * is local), else unknown if any key ran out of budget, else linearizable.
 *
 * @param partitions each key's answer, keys in order
 */
public record CheckResult<S, O, R>(List<PartitionResult<S, O, R>> partitions) {

    public CheckResult {
        partitions = List.copyOf(partitions);
    }

    public Verdict verdict() {
        if (partitions.stream().anyMatch(p -> p.verdict() == Verdict.NOT_LINEARIZABLE)) {
            return Verdict.NOT_LINEARIZABLE;
        }
        if (partitions.stream().anyMatch(p -> p.verdict() == Verdict.UNKNOWN)) {
            return Verdict.UNKNOWN;
        }
        return Verdict.LINEARIZABLE;
    }

    /** The explanations of the keys that are not linearizable. */
    public List<Explanation<S, O, R>> failures() {
        return partitions.stream().flatMap(p -> p.explanation().stream()).toList();
    }

    /** The verdict, then a line per key that is not linearizable or unknown, with the explanations. */
    public String describe() {
        String details = partitions.stream()
                .filter(p -> p.verdict() != Verdict.LINEARIZABLE)
                .map(PartitionResult::describe)
                .collect(Collectors.joining("\n"));
        return verdict() + " (" + partitions.size() + " keys)" + (details.isEmpty() ? "" : "\n" + details);
    }
}
