package org.zkplatform.dist.admin;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.time.Clock;
import org.zkplatform.zab.metrics.Histogram;

/**
 * A daemon thread that sleeps a fixed time and reports when it wakes late: a stop-the-world GC,
 * a frozen VM or an overloaded host stalls every thread of the server alike, which is what makes
 * sessions expire and followers drop out without anything else in the logs saying why. One log
 * line per pause; counts and durations go to the metrics.
 */
public final class JvmPauseMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JvmPauseMonitor.class);

    /** How the monitor waits; a test advances a clock instead. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final PauseMonitorConfig config;
    private final PauseDetector detector;
    private final Clock clock;
    private final Sleeper sleeper;
    private final java.util.function.Supplier<Map<String, PauseDetector.GcTotals>> gcTotals;
    private final Thread thread;
    private volatile boolean running = true;

    private final LongAdder infoPauses = new LongAdder();
    private final LongAdder warnPauses = new LongAdder();
    private final Histogram extraSleep = new Histogram(Histogram.LATENCY_BOUNDS_MS);

    public JvmPauseMonitor(PauseMonitorConfig config) {
        this(config, Clock.system(), Thread::sleep, JvmPauseMonitor::jvmGcTotals);
    }

    JvmPauseMonitor(PauseMonitorConfig config, Clock clock, Sleeper sleeper,
                    java.util.function.Supplier<Map<String, PauseDetector.GcTotals>> gcTotals) {
        this.config = config;
        this.detector = new PauseDetector(config);
        this.clock = clock;
        this.sleeper = sleeper;
        this.gcTotals = gcTotals;
        this.thread = new Thread(this::run, "zk-pause-monitor");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
        // Level names in lower case: log scanners look for " WARN " as a level, not in a message.
        LOG.info("JVM pause monitor started: sleeps {} ms at a time, reports waking over {} ms late (info) "
                        + "or over {} ms (warning)",
                config.sleep().toMillis(), config.infoThreshold().toMillis(), config.warnThreshold().toMillis());
    }

    private void run() {
        try {
            while (running) {
                checkOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One sleep and what it revealed; the pause reported, if any. */
    Optional<PauseDetector.Pause> checkOnce() throws InterruptedException {
        Map<String, PauseDetector.GcTotals> before = gcTotals.get();
        long start = clock.nanoTime();
        sleeper.sleep(config.sleep().toMillis());
        long extra = detector.extraMillis(start, clock.nanoTime());
        extraSleep.record(extra * 1_000_000);
        Optional<PauseDetector.Pause> pause = detector.check(extra, before, gcTotals.get());
        pause.ifPresent(this::report);
        return pause;
    }

    private void report(PauseDetector.Pause pause) {
        if (pause.level() == PauseDetector.Level.WARN) {
            warnPauses.increment();
            LOG.warn(pause.message());
        } else {
            infoPauses.increment();
            LOG.info(pause.message());
        }
    }

    /** Pauses above the info threshold and at most the warn threshold. */
    public long infoPauses() {
        return infoPauses.sum();
    }

    /** Pauses above the warn threshold. */
    public long warnPauses() {
        return warnPauses.sum();
    }

    /** How late each wake-up was. */
    public Histogram.Snapshot extraSleep() {
        return extraSleep.snapshot();
    }

    private static Map<String, PauseDetector.GcTotals> jvmGcTotals() {
        Map<String, PauseDetector.GcTotals> totals = new LinkedHashMap<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            totals.put(gc.getName(), new PauseDetector.GcTotals(Math.max(0, gc.getCollectionCount()),
                    Math.max(0, gc.getCollectionTime())));
        }
        return totals;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
