package org.zkplatform.dist.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.time.Clock;

/** The pause monitor's detection, driven by a clock the test moves: no test here sleeps. */
class JvmPauseMonitorTest {

    private static final PauseMonitorConfig CONFIG =
            new PauseMonitorConfig(true, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(10));

    /** A clock that only moves when the monitor "sleeps": by the planned time plus a stall the test sets. */
    private static final class SteppedClock implements Clock {
        long nanos;
        long nextStallMillis;

        @Override
        public long currentTimeMillis() {
            return nanos / 1_000_000;
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        void sleep(long millis) {
            nanos += (millis + nextStallMillis) * 1_000_000;
            nextStallMillis = 0;
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final Map<String, PauseDetector.GcTotals> gc = new HashMap<>();
    private final JvmPauseMonitor monitor = new JvmPauseMonitor(CONFIG, clock, clock::sleep, () -> Map.copyOf(gc));

    @Test
    void aWakeUpOnTimeReportsNothing() throws Exception {
        clock.nextStallMillis = 3;

        assertEquals(Optional.empty(), monitor.checkOnce());
        assertEquals(0, monitor.infoPauses() + monitor.warnPauses());
        assertEquals(1, monitor.extraSleep().count());
    }

    @Test
    void aStallJustAtTheInfoThresholdIsNotReported() throws Exception {
        clock.nextStallMillis = 1000;

        assertEquals(Optional.empty(), monitor.checkOnce());
    }

    @Test
    void aStallPastTheInfoThresholdIsAnInfoWithTheCollectionsMeanwhile() throws Exception {
        gc.put("G1 Young Generation", new PauseDetector.GcTotals(10, 200));
        gc.put("G1 Old Generation", new PauseDetector.GcTotals(1, 50));
        clock.nextStallMillis = 1500;
        JvmPauseMonitor stalling = new JvmPauseMonitor(CONFIG, clock, millis -> {
            clock.sleep(millis);
            gc.put("G1 Young Generation", new PauseDetector.GcTotals(12, 1600));
        }, () -> Map.copyOf(gc));

        PauseDetector.Pause pause = stalling.checkOnce().orElseThrow();

        assertEquals(PauseDetector.Level.INFO, pause.level());
        assertEquals(1500, pause.extraMillis());
        assertEquals(Map.of("G1 Young Generation", new PauseDetector.GcTotals(2, 1400)), pause.collections());
        assertEquals("JVM or host paused for about 1500 ms; garbage collection meanwhile: "
                + "'G1 Young Generation' 2 collection(s) taking 1400 ms", pause.message());
        assertEquals(1, stalling.infoPauses());
        assertEquals(0, stalling.warnPauses());
    }

    @Test
    void aStallPastTheWarnThresholdIsAWarnAndSaysWhenNoCollectorRan() throws Exception {
        clock.nextStallMillis = 12_000;

        PauseDetector.Pause pause = monitor.checkOnce().orElseThrow();

        assertEquals(PauseDetector.Level.WARN, pause.level());
        assertTrue(pause.message().contains("no garbage collection meanwhile"), pause.message());
        assertEquals(1, monitor.warnPauses());
        assertEquals(0, monitor.infoPauses());
    }

    @Test
    void eachCheckMeasuresItsOwnSleepOnly() throws Exception {
        clock.nextStallMillis = 2000;
        monitor.checkOnce();
        monitor.checkOnce();
        clock.nextStallMillis = 20_000;
        monitor.checkOnce();

        assertEquals(1, monitor.infoPauses());
        assertEquals(1, monitor.warnPauses());
        assertEquals(3, monitor.extraSleep().count());
        assertEquals(22_000.0, monitor.extraSleep().sumMillis());
    }
}
