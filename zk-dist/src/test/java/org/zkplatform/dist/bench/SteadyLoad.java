package org.zkplatform.dist.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One workload on every session for as long as a scenario needs, where {@link LoadRun} has a fixed
 * window: the failover scenario keeps writes flowing across leader kills and restarts. Same
 * closed loop (one driver thread per session, {@code --outstanding} in flight); stopped with a
 * bounded drain.
 */
final class SteadyLoad implements AutoCloseable {

    /** How long requests still in flight at the stop may take before they count as unanswered. */
    private static final long DRAIN_SECONDS = 15;

    /**
     * What the whole load ended with.
     *
     * @param errors failed requests by result code
     * @param unanswered requests still without a reply when the drain time was up
     */
    record Tally(Map<String, Long> errors, int unanswered) {
    }

    private final List<SessionLoad> loads;
    private final List<Thread> drivers = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private Tally tally;

    private SteadyLoad(List<SessionLoad> loads) {
        this.loads = loads;
    }

    /**
     * Starts {@code workload} on every session, telling {@code acks} of each success; the drivers
     * stop by themselves after {@code limit}, should nobody stop them.
     */
    static SteadyLoad start(Workload workload, Sessions sessions, BenchTree tree, int outstanding,
            SessionLoad.AckListener acks, Duration limit) {
        Window never = new Window(); // never opened: latencies are not what this load measures
        List<SessionLoad> loads = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            loads.add(new SessionLoad(sessions.get(i), i, tree, never, outstanding, acks));
        }
        SteadyLoad load = new SteadyLoad(loads);
        long hardStop = System.nanoTime() + limit.toNanos();
        for (SessionLoad session : loads) {
            Thread driver = new Thread(() -> session.drive(workload, load.stop, hardStop),
                    "steady-" + workload.label() + "-" + load.drivers.size());
            driver.setDaemon(true);
            driver.start();
            load.drivers.add(driver);
        }
        return load;
    }

    /** Requests failed so far, every code. */
    long failures() {
        return errors().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests failed so far, by result code. */
    Map<String, Long> errors() {
        Map<String, Long> errors = new TreeMap<>();
        for (SessionLoad load : loads) {
            load.errors().forEach((code, count) -> errors.merge(code, count, Long::sum));
        }
        return errors;
    }

    /** Stops issuing, waits at most 15 s for the requests in flight, and tells how the load ended. */
    Tally stop() throws InterruptedException {
        if (tally != null) {
            return tally;
        }
        stop.set(true);
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        for (Thread driver : drivers) {
            driver.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(drainDeadline - System.nanoTime())));
        }
        int unanswered = 0;
        for (SessionLoad load : loads) {
            unanswered += load.awaitIdle(drainDeadline);
        }
        tally = new Tally(errors(), unanswered);
        return tally;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
