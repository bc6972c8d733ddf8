package org.zkplatform.testkit.linearizability;

import java.time.Duration;
import java.util.Optional;

/**
 * The checker's answer for one key.
 *
 * @param key the key
 * @param operations how many of its operations were searched (never-returned reads left out)
 * @param verdict the answer
 * @param steps search steps taken
 * @param elapsed time taken
 * @param configurations distinct (linearized set, state) configurations memoized
 * @param explanation why not, if {@link Verdict#NOT_LINEARIZABLE}
 * @param note which budget ran out, if {@link Verdict#UNKNOWN}
 */
public record PartitionResult<S, O, R>(String key, int operations, Verdict verdict, long steps, Duration elapsed,
        int configurations, Optional<Explanation<S, O, R>> explanation, Optional<String> note) {

    /** One line, or the explanation's lines for a failure. */
    public String describe() {
        String line = key + ": " + verdict + " (" + operations + " operations, " + steps + " steps, "
                + configurations + " configurations, " + elapsed.toMillis() + " ms)";
        return line + note.map(n -> ": " + n).orElse("") + explanation.map(e -> "\n" + e.render()).orElse("");
    }
}
