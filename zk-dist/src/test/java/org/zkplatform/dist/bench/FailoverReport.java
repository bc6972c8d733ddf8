package org.zkplatform.dist.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Formats the failover scenario: per server kind the failover times over the rounds, then zkplatform relative to Apache. */
final class FailoverReport {

    private static final String ROW = "%-11s %7s %18s %9s %17s %16s %16s %14s %12s %12s%n";

    private final PrintStream out;

    FailoverReport(PrintStream out) {
        this.out = out;
    }

    /** {@code ours} relative to {@code reference}. */
    void summary(int ensemble, FailoverResult reference, FailoverResult ours) {
        out.println();
        out.printf(Locale.ROOT, "== failover results, ensembles of %d, leader killed with SIGKILL ==%n", ensemble);
        out.printf(Locale.ROOT, ROW, "server", "rounds", "failover median ms", "max ms", "serving median ms",
                "rejoin median ms", "writes/s before", "failed writes", "disconnects", "expirations");
        for (FailoverResult result : List.of(reference, ours)) {
            row(result);
        }
        for (FailoverResult result : List.of(reference, ours)) {
            notes(result);
        }
        out.println();
        out.printf(Locale.ROOT, "== %s / %s (lower=better) ==%n", ours.kind().label(), reference.kind().label());
        out.printf(Locale.ROOT, "failover time: median %s, max %s; surviving servers serving again: median %s;"
                        + " restarted server back: median %s%n",
                ratio(ours.medianFailoverMillis(), reference.medianFailoverMillis()),
                ratio(ours.maxFailoverMillis(), reference.maxFailoverMillis()),
                ratio(ours.medianServingMillis(), reference.medianServingMillis()),
                ratio(ours.medianRejoinMillis(), reference.medianRejoinMillis()));
        if (ours.missed() > 0 || reference.missed() > 0) {
            out.println("medians and max are over the rounds that had an acknowledged write; see the ! lines");
        }
        for (FailoverResult result : List.of(reference, ours)) {
            out.printf(Locale.ROOT, "%n%s warning and error lines per server: %s%n", result.kind().label(),
                    result.problemCounts().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" ")));
            result.problems().forEach(line -> out.println("  " + line));
        }
    }

    private void row(FailoverResult r) {
        out.printf(Locale.ROOT, ROW, r.kind().label(), r.rounds().size() - r.missed() + "/" + r.rounds().size(),
                millis(r.medianFailoverMillis()), millis(r.maxFailoverMillis()), millis(r.medianServingMillis()),
                millis(r.medianRejoinMillis()), millis(r.medianWritesPerSecond()),
                r.errors().values().stream().mapToLong(Long::longValue).sum(), r.disconnects(), r.expirations());
    }

    private void notes(FailoverResult r) {
        if (r.unexpectedErrors() > 0 || r.unanswered() > 0 || r.expirations() > 0) {
            String codes = r.errors().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            out.printf(Locale.ROOT, "  ! %s: errors {%s}, unanswered after drain %d, expirations %d%n",
                    r.kind().label(), codes, r.unanswered(), r.expirations());
        }
        if (r.missed() > 0) {
            out.printf(Locale.ROOT, "  ! %s: %d of %d rounds without a write acknowledged within %ds of the kill%n",
                    r.kind().label(), r.missed(), r.rounds().size(), FailoverRun.FAILOVER_LIMIT_SECONDS);
        }
    }

    private static String millis(double value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String ratio(double ours, double reference) {
        return ours < 0 || reference <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", ours / reference);
    }
}
