package org.zkplatform.dist.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Formats the results: one row per workload and server, then zkplatform relative to Apache. */
final class Report {

    private static final String ROW = "%-8s %-14s %10s %8s %8s %9s %7s %12s %10s %10s %12s%n";
    private static final String RATIO_ROW = "%-8s %28s %28s %30s %24s%n";
    private static final String TLS_RATIO_ROW = "%-8s %-34s %28s %28s %30s%n";

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void header() {
        out.printf(Locale.ROOT, ROW, "workload", "server", "ops/s", "p50 ms", "p99 ms", "p99.9 ms", "errors",
                "disconnects", "cpu us/op", "other cpu", "peak RSS MB");
    }

    void row(ServerKind kind, WorkloadResult r) {
        row(kind.label(), r);
    }

    /** A row under {@code label}, such as {@code apache+tls}. */
    void row(String label, WorkloadResult r) {
        out.printf(Locale.ROOT, ROW, r.workload().label(), label, format("%.0f", r.opsPerSecond()),
                format("%.2f", r.percentileMillis(0.50)), format("%.2f", r.percentileMillis(0.99)),
                format("%.2f", r.percentileMillis(0.999)), r.errorCount(), r.connectionLosses(),
                r.serverCpuMicrosPerOp() < 0 ? "n/a" : format("%.1f", r.serverCpuMicrosPerOp()),
                r.otherCpuShare() < 0 ? "n/a" : format("%.0f%%", 100 * r.otherCpuShare()),
                r.peakRssKb() < 0 ? "n/a" : format("%.1f", r.peakRssKb() / 1024.0));
    }

    /** Error codes, unanswered requests and a busy machine, one line each where they occurred. */
    void notes(ServerKind kind, WorkloadResult r) {
        notes(kind.label(), r);
    }

    void notes(String label, WorkloadResult r) {
        if (r.troubled()) {
            String codes = r.errors().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            out.printf(Locale.ROOT, "  ! %s %s: errors {%s}, unanswered after drain %d, disconnects/expirations %d%n",
                    label, r.workload().label(), codes, r.unanswered(), r.connectionLosses());
        }
        if (r.otherCpuShare() > WorkloadResult.BUSY_MACHINE) {
            out.printf(Locale.ROOT, "  ! %s %s: other processes used %.0f%% of the machine's CPU in the window;"
                    + " rerun on a quiet machine%n", label, r.workload().label(), 100 * r.otherCpuShare());
        }
    }

    /** The whole comparison; {@code ours} relative to {@code reference}. */
    void summary(List<Workload> workloads, ServerRun reference, ServerRun ours) {
        summary("results", workloads, reference, ours);
    }

    /** As above, under {@code == title ==}. */
    void summary(String title, List<Workload> workloads, ServerRun reference, ServerRun ours) {
        out.println();
        out.println("== " + title + " ==");
        header();
        for (Workload workload : workloads) {
            for (ServerRun run : List.of(reference, ours)) {
                row(run.kind(), run.result(workload));
            }
        }
        for (Workload workload : workloads) {
            for (ServerRun run : List.of(reference, ours)) {
                notes(run.kind(), run.result(workload));
            }
        }
        out.println();
        out.printf(Locale.ROOT, "== %s / %s ==%n", ours.kind().label(), reference.kind().label());
        out.printf(Locale.ROOT, RATIO_ROW, "workload", "throughput (higher=better)", "p99 latency (lower=better)",
                "server cpu/op (lower=better)", "peak RSS (lower=better)");
        for (Workload workload : workloads) {
            WorkloadResult r = reference.result(workload);
            WorkloadResult o = ours.result(workload);
            out.printf(Locale.ROOT, RATIO_ROW, workload.label(), ratio(o.opsPerSecond(), r.opsPerSecond()),
                    ratio(o.percentileMillis(0.99), r.percentileMillis(0.99)),
                    ratio(o.serverCpuMicrosPerOp(), r.serverCpuMicrosPerOp()), ratio(o.peakRssKb(), r.peakRssKb()));
        }
        out.printf(Locale.ROOT, "peak RSS is each server's VmHWM after that workload, so it includes all before it;"
                + " nodes at the end: %s %d, %s %d%n", reference.kind().label(), reference.nodeCount(),
                ours.kind().label(), ours.nodeCount());
        for (ServerRun run : List.of(reference, ours)) {
            if (!run.problems().isEmpty()) {
                out.printf(Locale.ROOT, "%n%s logged warnings or errors (first %d):%n", run.kind().label(),
                        run.problems().size());
                run.problems().forEach(line -> out.println("  " + line));
            }
        }
    }

    /**
     * {@code --tls on}: every server over plaintext and over TLS, then what TLS costs each server
     * and how ours over TLS compares with Apache over TLS.
     */
    void tlsSummary(List<Workload> workloads, ServerRun apache, ServerRun apacheTls, ServerRun ours, ServerRun oursTls) {
        out.println();
        out.println("== results, plaintext and TLS ==");
        header();
        for (Workload workload : workloads) {
            row("apache", apache.result(workload));
            row("apache+tls", apacheTls.result(workload));
            row("zkplatform", ours.result(workload));
            row("zkplatform+tls", oursTls.result(workload));
        }
        out.println();
        out.printf(Locale.ROOT, TLS_RATIO_ROW, "workload", "ratio", "throughput (higher=better)",
                "p99 latency (lower=better)", "server cpu/op (lower=better)");
        for (Workload workload : workloads) {
            tlsRatio(workload, "zkplatform tls / zkplatform plain", oursTls, ours);
            tlsRatio(workload, "apache tls / apache plain", apacheTls, apache);
            tlsRatio(workload, "zkplatform tls / apache tls", oursTls, apacheTls);
        }
    }

    private void tlsRatio(Workload workload, String label, ServerRun numerator, ServerRun denominator) {
        WorkloadResult n = numerator.result(workload);
        WorkloadResult d = denominator.result(workload);
        out.printf(Locale.ROOT, TLS_RATIO_ROW, workload.label(), label, ratio(n.opsPerSecond(), d.opsPerSecond()),
                ratio(n.percentileMillis(0.99), d.percentileMillis(0.99)),
                ratio(n.serverCpuMicrosPerOp(), d.serverCpuMicrosPerOp()));
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }


    private static String ratio(double ours, double reference) {
        return ours < 0 || reference <= 0 ? "n/a" : format("%.2fx", ours / reference);
    }
}
