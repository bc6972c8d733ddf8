package org.zkplatform.zab.server;

/** Server-wide counters for {@code srvr}, {@code stat} and {@code mntr}; driver thread only. */
final class ServerStats {

    final long startMillis;
    long packetsReceived;
    long packetsSent;
    long minLatencyMillis = Long.MAX_VALUE;
    long maxLatencyMillis;
    long totalLatencyMillis;
    long latencyCount;
    long authFailures;
    long lastResponseSize = -1;
    long minResponseSize = Long.MAX_VALUE;
    long maxResponseSize = -1;

    ServerStats(long startMillis) {
        this.startMillis = startMillis;
    }

    void answered(long latencyMillis) {
        minLatencyMillis = Math.min(minLatencyMillis, latencyMillis);
        maxLatencyMillis = Math.max(maxLatencyMillis, latencyMillis);
        totalLatencyMillis += latencyMillis;
        latencyCount++;
    }

    long minLatency() {
        return latencyCount == 0 ? 0 : minLatencyMillis;
    }

    double avgLatency() {
        return latencyCount == 0 ? 0 : (double) totalLatencyMillis / latencyCount;
    }

    void reset() {
        packetsReceived = 0;
        packetsSent = 0;
        minLatencyMillis = Long.MAX_VALUE;
        maxLatencyMillis = 0;
        totalLatencyMillis = 0;
        latencyCount = 0;
        lastResponseSize = -1;
        minResponseSize = Long.MAX_VALUE;
        maxResponseSize = -1;
    }
}
