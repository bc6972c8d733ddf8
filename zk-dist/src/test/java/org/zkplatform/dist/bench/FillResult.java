package org.zkplatform.dist.bench;

import java.util.Map;

/**
 * What a {@link ZnodeFill} did.
 *
 * @param created znodes created successfully
 * @param seconds from the first create issued to the last answered
 * @param errors failed creates by result code
 * @param connectionLosses session disconnections or expirations during the fill
 * @param serverCpuNanos CPU time the server used meanwhile, -1 if unknown
 * @param otherCpuShare share of the machine's CPU used by neither client nor server meanwhile, -1 if unknown
 */
record FillResult(long created, double seconds, Map<String, Long> errors, long connectionLosses,
        long serverCpuNanos, double otherCpuShare) {

    double createsPerSecond() {
        return created / seconds;
    }

    /** Server CPU time per znode created, in microseconds; -1 if unknown. */
    double serverCpuMicrosPerCreate() {
        return serverCpuNanos < 0 || created == 0 ? -1 : serverCpuNanos / 1e3 / created;
    }

    /** Anything a healthy server should never cause. */
    boolean troubled() {
        return !errors.isEmpty() || connectionLosses > 0;
    }
}
