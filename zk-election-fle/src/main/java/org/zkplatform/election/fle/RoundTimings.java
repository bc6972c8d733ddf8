package org.zkplatform.election.fle;

/**
 * The waits of an election round, in milliseconds.
 *
 * @param finalizeWaitMillis quiet time after a quorum agrees before deciding (ZooKeeper's {@code finalizeWait}, 200)
 * @param minNotificationIntervalMillis the first wait for notifications before re-sending ours (200)
 * @param maxNotificationIntervalMillis the cap of that wait, which doubles while nothing arrives (60 000)
 */
public record RoundTimings(long finalizeWaitMillis, long minNotificationIntervalMillis, long maxNotificationIntervalMillis) {

    public RoundTimings {
        if (finalizeWaitMillis <= 0) {
            throw new IllegalArgumentException("finalize wait must be positive: " + finalizeWaitMillis);
        }
        if (minNotificationIntervalMillis <= 0 || maxNotificationIntervalMillis < minNotificationIntervalMillis) {
            throw new IllegalArgumentException("notification intervals must satisfy 0 < min <= max, got min="
                    + minNotificationIntervalMillis + " max=" + maxNotificationIntervalMillis);
        }
    }

    /** ZooKeeper's defaults: 200 ms, 200 ms, 60 s. */
    public static RoundTimings defaults() {
        return new RoundTimings(200, 200, 60_000);
    }
}
