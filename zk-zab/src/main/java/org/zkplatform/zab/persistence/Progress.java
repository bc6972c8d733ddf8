package org.zkplatform.zab.persistence;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * INFO lines for work that may take minutes (loading a snapshot, a SNAP sync): at most one every
 * interval, saying how much is done, of how much when that is known, and how fast, so an operator
 * watching a slow start sees it moving. Not thread-safe: one per piece of work, on its thread.
 */
public final class Progress {

    /** How often a line at most. */
    public static final long EVERY_NANOS = 5_000_000_000L;
    /** The clock is read once per this many calls, so calling per node or per read costs nothing. */
    private static final int CALLS_PER_CLOCK_READ = 256;

    private final Consumer<String> sink;
    private final String what;
    private final long total;
    private final String unit;
    private final LongSupplier nanoTime;
    private final long everyNanos;
    private final long startNanos;
    private long lastReportNanos;
    private int calls;

    /**
     * @param what the work, as the line starts ("Loading snapshot snapshot.1a")
     * @param total how much there is, in {@code unit}; -1 if unknown
     * @param sink where the lines go
     */
    public Progress(String what, long total, String unit, LongSupplier nanoTime, long everyNanos,
                    Consumer<String> sink) {
        this.sink = sink;
        this.what = what;
        this.total = total;
        this.unit = unit;
        this.nanoTime = nanoTime;
        this.everyNanos = everyNanos;
        this.startNanos = nanoTime.getAsLong();
        this.lastReportNanos = startNanos;
    }

    /** On the JVM's clock, a line every 5 s at INFO on {@code log}. */
    public static Progress of(Logger log, String what, long total, String unit) {
        return new Progress(what, total, unit, System::nanoTime, EVERY_NANOS, log::info);
    }

    /** {@code done} so far; logs a line if one is due. */
    public void at(long done) {
        if (++calls < CALLS_PER_CLOCK_READ) {
            return;
        }
        calls = 0;
        long now = nanoTime.getAsLong();
        if (now - lastReportNanos >= everyNanos) {
            lastReportNanos = now;
            sink.accept(line(done, now));
        }
    }

    /** The line for {@code done} at {@code now}. */
    String line(long done, long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        String rate = String.format(Locale.ROOT, "%,.0f %s/s", done / seconds, unit);
        if (total >= 0 && done <= total) {
            return String.format(Locale.ROOT, "%s: %,d of %,d %s (%d%%), %s", what, done, total, unit,
                    total == 0 ? 100 : done * 100 / total, rate);
        }
        return String.format(Locale.ROOT, "%s: %,d %s so far, %s", what, done, unit, rate);
    }
}
