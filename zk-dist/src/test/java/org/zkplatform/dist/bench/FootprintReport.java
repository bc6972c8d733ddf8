package org.zkplatform.dist.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Formats the footprint scenario: one row per server, then zkplatform relative to Apache. */
final class FootprintReport {

    private static final String ROW = "%-11s %10s %13s %9s %12s %11s %10s %12s %16s %14s %12s %14s %13s%n";
    private static final String RATIO_ROW = "%-24s %s%n";

    private final PrintStream out;

    FootprintReport(PrintStream out) {
        this.out = out;
    }

    /** {@code ours} relative to {@code reference}, each created {@code znodes}. */
    void summary(int znodes, FootprintResult reference, FootprintResult ours) {
        out.println();
        out.printf(Locale.ROOT, "== footprint: %d znodes ==%n", znodes);
        out.printf(Locale.ROOT, ROW, "server", "creates/s", "cpu us/create", "other cpu", "heap B/znode", "snapshot MB",
                "snap nodes", "snap B/node", "all snaps MB (n)", "log MB length", "log MB alloc", "restart ms min",
                "restarts ms");
        for (FootprintResult r : List.of(reference, ours)) {
            row(r);
        }
        out.println("snapshot: the newest, which a restart loads, and the nodes in it (each server snapshots at random"
                + " points, so compare per node); all snaps: every snapshot kept (neither purges by default)");
        out.println("log: length counts the 64 MiB preallocation steps, alloc the blocks du reports");
        out.println("restart: process start until a new session read back the last znode created, on a copy of the"
                + " data dir as the clean stop left it");
        out.println();
        out.printf(Locale.ROOT, "== %s / %s ==%n", ours.kind().label(), reference.kind().label());
        ratio("creates/s", ours.fill().createsPerSecond(), reference.fill().createsPerSecond(), "higher=better");
        ratio("cpu us/create", ours.fill().serverCpuMicrosPerCreate(), reference.fill().serverCpuMicrosPerCreate(),
                "lower=better");
        ratio("heap B/znode", ours.heapBytesPerZnode(), reference.heapBytesPerZnode(), "lower=better");
        ratio("snapshot bytes/node", ours.disk().snapshotBytesPerNode(), reference.disk().snapshotBytesPerNode(),
                "lower=better");
        ratio("log bytes (length)", ours.disk().logBytes(), reference.disk().logBytes(), "lower=better");
        ratio("log bytes (allocated)", ours.disk().logAllocated(), reference.disk().logAllocated(), "lower=better");
        ratio("restart ms (min)", ours.minServingMillis(), reference.minServingMillis(), "lower=better");
        out.println();
        for (FootprintResult r : List.of(reference, ours)) {
            for (int i = 0; i < r.restarts().size(); i++) {
                RestartResult restart = r.restarts().get(i);
                out.printf(Locale.ROOT, "%s restart %d: serving after %d ms (ruok/srvr %d ms); %s%n", r.kind().label(),
                        i + 1, restart.servingMillis(), restart.readyMillis(), restart.recovery().describe());
            }
        }
        for (FootprintResult r : List.of(reference, ours)) {
            if (r.fill().troubled()) {
                out.printf(Locale.ROOT, "  ! %s: failed creates %s, disconnects %d%n", r.kind().label(), r.fill().errors(),
                        r.fill().connectionLosses());
            }
            if (r.fill().otherCpuShare() > WorkloadResult.BUSY_MACHINE) {
                out.printf(Locale.ROOT, "  ! %s: other processes used %.0f%% of the machine's CPU during the creates;"
                        + " rerun on a quiet machine%n", r.kind().label(), 100 * r.fill().otherCpuShare());
            }
            if (!r.cleanStop()) {
                out.printf(Locale.ROOT, "  ! %s did not exit within 15 s of SIGTERM and was killed%n", r.kind().label());
            }
            if (!r.problems().isEmpty()) {
                out.printf(Locale.ROOT, "%n%s logged warnings or errors (first %d):%n", r.kind().label(),
                        r.problems().size());
                r.problems().forEach(line -> out.println("  " + line));
            }
        }
    }

    private void row(FootprintResult r) {
        DataDirUsage disk = r.disk();
        out.printf(Locale.ROOT, ROW, r.kind().label(), format("%.0f", r.fill().createsPerSecond()),
                known("%.1f", r.fill().serverCpuMicrosPerCreate()),
                r.fill().otherCpuShare() < 0 ? "n/a" : format("%.0f%%", 100 * r.fill().otherCpuShare()),
                format("%.1f", r.heapBytesPerZnode()), megabytes(disk.newestSnapshotBytes()),
                disk.newestSnapshotNodes() < 0 ? "n/a" : Long.toString(disk.newestSnapshotNodes()),
                known("%.1f", disk.snapshotBytesPerNode()),
                megabytes(disk.snapshotBytes()) + " (" + disk.snapshots() + ")",
                megabytes(disk.logBytes()) + " (" + disk.logs() + ")", megabytes(disk.logAllocated()),
                Long.toString(r.minServingMillis()),
                r.restarts().stream().map(x -> Long.toString(x.servingMillis())).collect(Collectors.joining(", ")));
    }

    private void ratio(String what, double ours, double reference, String better) {
        out.printf(Locale.ROOT, RATIO_ROW, what, ours < 0 || reference <= 0 ? "n/a"
                : format("%.2fx", ours / reference) + " (" + better + ")");
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : format("%.1f", bytes / 1e6);
    }

    private static String known(String pattern, double value) {
        return value < 0 ? "n/a" : format(pattern, value);
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
