package org.zkplatform.dist.bench;

import java.util.Map;

/**
 * What one workload measured on one server.
 *
 * @param completed successful requests completed in the measured window
 * @param seconds the window's length
 * @param latencies of those requests
 * @param errors failed requests of the whole run (warm-up included) by result code
 * @param unanswered requests still without a reply when the run's drain time was up
 * @param connectionLosses session disconnections or expirations during the run
 * @param serverCpuNanos CPU time the server process used in the window, -1 if unknown
 * @param otherCpuShare share of the machine's CPU time in the window used by neither client nor server, -1 if unknown
 * @param peakRssKb the server's peak resident memory (VmHWM) so far, after this run; -1 if unknown
 */
record WorkloadResult(Workload workload, long completed, double seconds, LatencyHistogram latencies,
        Map<String, Long> errors, int unanswered, long connectionLosses, long serverCpuNanos, double otherCpuShare,
        long peakRssKb) {

    /** Above this, other processes took enough CPU to skew the comparison. */
    static final double BUSY_MACHINE = 0.10;

    double opsPerSecond() {
        return completed / seconds;
    }

    double percentileMillis(double fraction) {
        return latencies.percentile(fraction) / 1e6;
    }

    /** Server CPU time per completed request in the window, in microseconds; -1 if unknown. */
    double serverCpuMicrosPerOp() {
        return serverCpuNanos < 0 || completed == 0 ? -1 : serverCpuNanos / 1e3 / completed;
    }

    /** Failed plus unanswered requests. */
    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum() + unanswered;
    }

    /** Anything a healthy server should never cause. */
    boolean troubled() {
        return errorCount() > 0 || connectionLosses > 0;
    }
}
