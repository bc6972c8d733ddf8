package org.zkplatform.dist.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a sleep that ended late was a pause worth reporting (ZooKeeper's and Hadoop's
 * JvmPauseMonitor rule): the time past the planned sleep, above the warn threshold a WARN, above
 * the info threshold an INFO. Plain arithmetic on readings taken by the caller, so it is tested
 * without sleeping.
 */
final class PauseDetector {

    /** How loud a pause is. */
    enum Level { INFO, WARN }

    /** A collector's lifetime totals, as its GarbageCollectorMXBean reports them. */
    record GcTotals(long count, long timeMillis) {
    }

    /**
     * A pause to report.
     *
     * @param extraMillis how much later than planned the sleep ended
     * @param collections what each collector that ran meanwhile did, by collector name
     */
    record Pause(Level level, long extraMillis, Map<String, GcTotals> collections) {

        /** One line: how long, and what the collectors did meanwhile (no GC at all hints at the host). */
        String message() {
            StringBuilder text = new StringBuilder("JVM or host paused for about ").append(extraMillis).append(" ms");
            if (collections.isEmpty()) {
                text.append("; no garbage collection meanwhile (the host, not the JVM, may have stalled)");
            } else {
                List<String> parts = new ArrayList<>();
                collections.forEach((name, gc) -> parts.add("'" + name + "' " + gc.count() + " collection(s) taking "
                        + gc.timeMillis() + " ms"));
                text.append("; garbage collection meanwhile: ").append(String.join(", ", parts));
            }
            return text.toString();
        }
    }

    private final long sleepMillis;
    private final long infoMillis;
    private final long warnMillis;

    PauseDetector(PauseMonitorConfig config) {
        this.sleepMillis = config.sleep().toMillis();
        this.infoMillis = config.infoThreshold().toMillis();
        this.warnMillis = config.warnThreshold().toMillis();
    }

    /** How much longer than planned a sleep from {@code startNanos} to {@code endNanos} took, at least 0. */
    long extraMillis(long startNanos, long endNanos) {
        return Math.max(0, (endNanos - startNanos) / 1_000_000 - sleepMillis);
    }

    /** The pause to report for a sleep that took {@code extraMillis} too long, with the GC totals around it. */
    Optional<Pause> check(long extraMillis, Map<String, GcTotals> before, Map<String, GcTotals> after) {
        Level level;
        if (extraMillis > warnMillis) {
            level = Level.WARN;
        } else if (extraMillis > infoMillis) {
            level = Level.INFO;
        } else {
            return Optional.empty();
        }
        Map<String, GcTotals> ran = new java.util.TreeMap<>();
        after.forEach((name, total) -> {
            GcTotals earlier = before.getOrDefault(name, new GcTotals(0, 0));
            long count = total.count() - earlier.count();
            if (count > 0) {
                ran.put(name, new GcTotals(count, total.timeMillis() - earlier.timeMillis()));
            }
        });
        return Optional.of(new Pause(level, extraMillis, ran));
    }
}
