package org.zkplatform.sim;

/**
 * A simulated server's configuration, ZooKeeper's knobs scaled down so that a run's minute of
 * virtual time holds many elections and session expiries.
 */
public record SimSettings(int tickMillis, int initLimitTicks, int syncLimitTicks, int minSessionMillis,
                          int maxSessionMillis, int snapCount, int maxFrameBytes) {

    public static SimSettings defaults() {
        return new SimSettings(100, 10, 5, 400, 4000, 40, 1 << 20);
    }
}
