package org.zkplatform.sim;

import java.util.List;

/**
 * What one run found.
 *
 * @param violations every check that failed, in the order found; empty for a passing run
 * @param fingerprint a digest of the run's schedule and answers: a seed must always give the same
 * @param stats counts of what happened (elections won, crashes, txns lost by crashes, operations)
 */
public record SimResult(long seed, SimConfig config, List<String> violations, long fingerprint, long events,
                        long virtualMillis, String stats) {

    public SimResult {
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /** The command that runs this seed again. */
    public String reproduction() {
        return "mvn -o -pl zk-zab -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ReplaySeedTest -Dsim.seed=" + seed
                + " -Dsim.servers=" + config.servers()
                + (config.varied() ? " -Dsim.vary=true" : "");
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("seed ").append(seed).append(", ").append(config.servers()).append(" servers: ")
                .append(passed() ? "passed" : violations.size() + " violation(s)").append(" (").append(events)
                .append(" events, ").append(virtualMillis).append(" ms simulated; ").append(stats).append(")");
        for (String violation : violations) {
            out.append("\n  - ").append(violation);
        }
        if (!passed()) {
            out.append("\n  reproduce: ").append(reproduction());
        }
        return out.toString();
    }
}
