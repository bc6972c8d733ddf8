package org.zkplatform.testkit.linearizability;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work the checker may spend on one key before it gives up and answers
 * {@link Verdict#UNKNOWN}: the search is exponential in the worst case (many concurrent or
 * never-returned operations). A step is one move of the search: trying an operation or
 * backtracking.
 *
 * @param maxSteps steps per key
 * @param maxTime wall-clock time per key
 */
public record Budget(long maxSteps, Duration maxTime) {

    /** Ample for the histories of a fault test: tens of millions of steps take seconds. */
    public static final Budget DEFAULT = new Budget(20_000_000, Duration.ofSeconds(60));

    public Budget {
        Objects.requireNonNull(maxTime, "maxTime");
        if (maxSteps <= 0 || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("budget must be positive: " + maxSteps + " steps, " + maxTime);
        }
    }

    /** At most {@code maxSteps} steps, with the default time. */
    public static Budget steps(long maxSteps) {
        return new Budget(maxSteps, DEFAULT.maxTime());
    }
}
