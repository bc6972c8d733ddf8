package org.zkplatform.api.time;

/**
 * The source of time. Two readings, as in the JDK: wall time for what is written down
 * (a node's {@code ctime}, a txn's time) and monotonic time for measuring intervals
 * (timeouts, session expiry, latency), which never jumps backwards.
 */
public interface Clock {

    /** Wall-clock milliseconds since the epoch; may jump when the system clock is set. */
    long currentTimeMillis();

    /** Monotonic nanoseconds from an arbitrary origin; only differences are meaningful. */
    long nanoTime();

    /** Monotonic milliseconds, derived from {@link #nanoTime()}. */
    default long monotonicMillis() {
        return nanoTime() / 1_000_000L;
    }

    /** The clock of the running JVM. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
