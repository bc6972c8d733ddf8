package org.zkplatform.zab.server;

/** Per-connection counters for {@code cons} and {@code stat}; driver thread only. */
final class ConnectionStats {

    final long establishedMillis;
    long received;
    long sent;
    String lastOp = "NA";
    long lastCxid = -1;
    long lastZxid = -1;
    long lastResponseMillis;
    long lastLatencyMillis;
    long minLatencyMillis = Long.MAX_VALUE;
    long maxLatencyMillis;
    long totalLatencyMillis;
    long latencyCount;

    ConnectionStats(long establishedMillis) {
        this.establishedMillis = establishedMillis;
    }

    void answered(String op, long cxid, long zxid, long nowMillis, long latencyMillis) {
        lastOp = op;
        lastCxid = cxid;
        lastZxid = zxid;
        lastResponseMillis = nowMillis;
        lastLatencyMillis = latencyMillis;
        minLatencyMillis = Math.min(minLatencyMillis, latencyMillis);
        maxLatencyMillis = Math.max(maxLatencyMillis, latencyMillis);
        totalLatencyMillis += latencyMillis;
        latencyCount++;
    }

    void reset() {
        received = 0;
        sent = 0;
        lastOp = "NA";
        lastCxid = -1;
        lastZxid = -1;
        lastResponseMillis = 0;
        lastLatencyMillis = 0;
        minLatencyMillis = Long.MAX_VALUE;
        maxLatencyMillis = 0;
        totalLatencyMillis = 0;
        latencyCount = 0;
    }

    long minLatency() {
        return latencyCount == 0 ? 0 : minLatencyMillis;
    }

    long avgLatency() {
        return latencyCount == 0 ? 0 : totalLatencyMillis / latencyCount;
    }
}
