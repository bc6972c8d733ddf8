package org.zkplatform.dist.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU time so far: of the whole machine (from /proc/stat), of this client JVM and of the server.
 * Two samples tell how much CPU the server spent per request, and how much went to processes
 * that are neither, which would skew a comparison of servers measured one after the other.
 */
record CpuSample(long machineBusyNanos, long machineTotalNanos, long clientNanos, long serverNanos) {

    /** /proc/stat counts in USER_HZ ticks, 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CpuSample take(long serverPid) {
        return take(List.of(serverPid));
    }

    /**
     * As {@link #take(long)}, with the server CPU summed over {@code serverPids}: an ensemble's
     * cost per request is that of all its members; -1 if any of them is gone.
     */
    static CpuSample take(List<Long> serverPids) {
        long busy = -1;
        long total = -1;
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(fields[i]);
            }
            busy = total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
        } catch (IOException | RuntimeException e) {
            // not Linux: machine figures stay unknown
        }
        long servers = 0;
        for (long pid : serverPids) {
            long cpu = ProcessHandle.of(pid).map(CpuSample::cpuNanos).orElse(-1L);
            if (cpu < 0) {
                servers = -1;
                break;
            }
            servers += cpu;
        }
        return new CpuSample(busy * NANOS_PER_TICK, total * NANOS_PER_TICK, cpuNanos(ProcessHandle.current()), servers);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Server CPU time between {@code earlier} and this sample, -1 if unknown. */
    long serverNanosSince(CpuSample earlier) {
        return serverNanos < 0 || earlier.serverNanos < 0 ? -1 : serverNanos - earlier.serverNanos;
    }

    /** The share of all cores' time since {@code earlier} used by neither this client nor the server; -1 if unknown. */
    double otherShareSince(CpuSample earlier) {
        long total = machineTotalNanos - earlier.machineTotalNanos;
        if (machineTotalNanos < 0 || earlier.machineTotalNanos < 0 || total <= 0 || serverNanosSince(earlier) < 0) {
            return -1;
        }
        long other = machineBusyNanos - earlier.machineBusyNanos - (clientNanos - earlier.clientNanos)
                - serverNanosSince(earlier);
        return Math.max(0, other) / (double) total;
    }
}
