package org.zkplatform.dist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one workload on every session at once: warm-up, then the measured window, then a bounded
 * drain of the requests still in flight. One driver thread per session issues the requests.
 */
final class LoadRun {

    /** How long stragglers may take after the window before they count as unanswered. */
    private static final long DRAIN_SECONDS = 15;

    private LoadRun() {}

    static WorkloadResult run(Workload workload, Sessions sessions, BenchTree tree, BenchOptions options,
            ServerProcess server) throws InterruptedException {
        return run(workload, sessions, tree, options, List.of(server));
    }

    /**
     * As above against an ensemble: server CPU is the sum over {@code servers}, peak memory the
     * largest of them.
     */
    static WorkloadResult run(Workload workload, Sessions sessions, BenchTree tree, BenchOptions options,
            List<ServerProcess> servers) throws InterruptedException {
        List<Long> pids = servers.stream().map(ServerProcess::pid).toList();
        Window window = new Window();
        List<SessionLoad> loads = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            loads.add(new SessionLoad(sessions.get(i), i, tree, window, options.outstanding()));
        }
        long lossesBefore = sessions.connectionLosses();
        AtomicBoolean stop = new AtomicBoolean();
        long hardStop = System.nanoTime() + options.warmUp().toNanos() + options.measure().toNanos()
                + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        List<Thread> drivers = new ArrayList<>();
        for (SessionLoad load : loads) {
            Thread driver = new Thread(() -> load.drive(workload, stop, hardStop),
                    "bench-" + workload.label() + "-" + drivers.size());
            driver.setDaemon(true);
            driver.start();
            drivers.add(driver);
        }
        Thread.sleep(options.warmUp().toMillis());
        CpuSample before = CpuSample.take(pids);
        window.open(options.measure().toNanos());
        sleepUntil(window.endNanos());
        CpuSample after = CpuSample.take(pids);
        stop.set(true);
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        for (Thread driver : drivers) {
            driver.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(drainDeadline - System.nanoTime())));
        }
        int unanswered = 0;
        LatencyHistogram latencies = new LatencyHistogram();
        Map<String, Long> errors = new TreeMap<>();
        for (SessionLoad load : loads) {
            unanswered += load.awaitIdle(drainDeadline);
            latencies.add(load.latencies());
            load.errors().forEach((code, count) -> errors.merge(code, count, Long::sum));
        }
        return new WorkloadResult(workload, latencies.count(), options.measure().toNanos() / 1e9, latencies, errors,
                unanswered, sessions.connectionLosses() - lossesBefore, after.serverNanosSince(before),
                after.otherShareSince(before), peakRssKb(servers));
    }

    /** The largest peak RSS among {@code servers}, -1 if any is unknown. */
    private static long peakRssKb(List<ServerProcess> servers) {
        long peak = -1;
        for (ServerProcess server : servers) {
            long kb = server.peakRssKb();
            if (kb < 0) {
                return -1;
            }
            peak = Math.max(peak, kb);
        }
        return peak;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
