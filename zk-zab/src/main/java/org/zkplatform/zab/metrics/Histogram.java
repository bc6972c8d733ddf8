package org.zkplatform.zab.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations in fixed buckets, safe to record from any thread. Recording allocates nothing: a
 * scan of a dozen bounds and two uncontended atomic adds, cheap enough for every request.
 * Readers get a {@link Snapshot}, which may lag a recording in progress by one count.
 */
public final class Histogram {

    /** Bucket upper bounds in milliseconds for request latencies and fsyncs: 0.25 ms to 10 s. */
    public static final double[] LATENCY_BOUNDS_MS = {0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500,
        5000, 10_000};
    /** For work that takes seconds: snapshots, elections. */
    public static final double[] SLOW_BOUNDS_MS = {10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000,
        300_000};

    private final long[] upperBoundsNanos;
    private final double[] upperBoundsMillis;
    /** One more than the bounds: the last counts what is above every bound (+Inf). */
    private final AtomicLongArray counts;
    private final LongAdder sumNanos = new LongAdder();

    public Histogram(double[] upperBoundsMillis) {
        if (upperBoundsMillis.length == 0) {
            throw new IllegalArgumentException("no bucket bounds");
        }
        for (int i = 1; i < upperBoundsMillis.length; i++) {
            if (upperBoundsMillis[i] <= upperBoundsMillis[i - 1]) {
                throw new IllegalArgumentException("bucket bounds must rise: " + Arrays.toString(upperBoundsMillis));
            }
        }
        this.upperBoundsMillis = upperBoundsMillis.clone();
        this.upperBoundsNanos = new long[upperBoundsMillis.length];
        for (int i = 0; i < upperBoundsMillis.length; i++) {
            upperBoundsNanos[i] = Math.round(upperBoundsMillis[i] * 1_000_000);
        }
        this.counts = new AtomicLongArray(upperBoundsMillis.length + 1);
    }

    public void record(long nanos) {
        long value = Math.max(0, nanos);
        int bucket = 0;
        while (bucket < upperBoundsNanos.length && value > upperBoundsNanos[bucket]) {
            bucket++;
        }
        counts.incrementAndGet(bucket);
        sumNanos.add(value);
    }

    public Snapshot snapshot() {
        long[] copy = new long[counts.length()];
        long total = 0;
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts.get(i);
            total += copy[i];
        }
        return new Snapshot(upperBoundsMillis.clone(), copy, total, sumNanos.sum() / 1_000_000.0);
    }

    /**
     * What was recorded so far.
     *
     * @param upperBoundsMillis each bucket's inclusive upper bound, without the last (+Inf)
     * @param counts per bucket, not cumulative; one more than the bounds, the last for +Inf
     * @param count every recording
     * @param sumMillis the recorded durations added up
     */
    public record Snapshot(double[] upperBoundsMillis, long[] counts, long count, double sumMillis) {
    }
}
