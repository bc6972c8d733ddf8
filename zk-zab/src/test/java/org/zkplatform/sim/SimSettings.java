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

    /** Settings drawn from {@code random}, within what an operator might configure (scaled down). */
    static SimSettings drawn(java.util.Random random) {
        int tick = 50 + 25 * random.nextInt(7);
        int initLimit = 4 + random.nextInt(8);
        int syncLimit = 2 + random.nextInt(5);
        int snapCount = 10 + random.nextInt(300);
        return new SimSettings(tick, initLimit, syncLimit, 2 * tick, 20 * tick, snapCount, 1 << 20);
    }
}
