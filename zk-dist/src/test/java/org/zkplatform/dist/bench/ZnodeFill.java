package org.zkplatform.dist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.AsyncCallback.StringCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Creates the footprint scenario's znodes, {@code /fp/p<i % parents>/n<i>}, as fast as the server
 * takes them: every session creates its share with a bounded number in flight, as in the create
 * workload. A thousand parents keep child lists short, so a million znodes measure znodes rather
 * than one huge child list.
 */
final class ZnodeFill {

    private static final String ROOT = "/fp";
    private static final int MAX_PARENTS = 1000;
    /** The whole fill must finish within this plus a millisecond per znode (1000 creates/s at least). */
    private static final long BASE_LIMIT_SECONDS = 60;

    private final int znodes;
    private final int parents;
    private final byte[] value;

    ZnodeFill(int znodes, byte[] value) {
        this.znodes = znodes;
        this.parents = Math.min(MAX_PARENTS, znodes);
        this.value = value;
    }

    /** The path of znode {@code i}, counting from 0. */
    String path(int i) {
        return ROOT + "/p" + (i % parents) + "/n" + i;
    }

    int parents() {
        return parents;
    }

    /** Creates the parents, then every znode; the server's CPU is sampled around the znode creates. */
    FillResult run(Sessions sessions, int outstanding, ServerProcess server) throws BenchException, InterruptedException {
        String[] parentPaths = new String[parents + 1];
        parentPaths[0] = ROOT;
        for (int k = 0; k < parents; k++) {
            parentPaths[k + 1] = ROOT + "/p" + k;
        }
        BenchTree.createAll(sessions.get(0), parentPaths, new byte[0]);
        long lossesBefore = sessions.connectionLosses();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BASE_LIMIT_SECONDS)
                + TimeUnit.MILLISECONDS.toNanos(znodes);
        Counts counts = new Counts();
        CpuSample before = CpuSample.take(server.pid());
        long start = System.nanoTime();
        List<Thread> drivers = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            ZooKeeper zk = sessions.get(s);
            int first = s;
            Thread driver = new Thread(() -> drive(zk, first, sessions.size(), outstanding, deadline, server, counts),
                    "fill-" + s);
            driver.setDaemon(true);
            driver.start();
            drivers.add(driver);
        }
        for (Thread driver : drivers) {
            driver.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        long end = System.nanoTime();
        CpuSample after = CpuSample.take(server.pid());
        if (!server.isAlive()) {
            throw new BenchException("exited while creating znodes");
        }
        long answered = counts.created.get() + counts.errors.values().stream().mapToLong(Long::longValue).sum();
        if (drivers.stream().anyMatch(Thread::isAlive) || counts.unanswered.get() > 0 || answered < znodes) {
            throw new BenchException("creating " + znodes + " znodes did not finish within "
                    + TimeUnit.NANOSECONDS.toSeconds(deadline - start) + "s: " + counts.created.get() + " created");
        }
        return new FillResult(counts.created.get(), (end - start) / 1e9, new TreeMap<>(counts.errors),
                sessions.connectionLosses() - lossesBefore, after.serverNanosSince(before), after.otherShareSince(before));
    }

    /**
     * One session's share: znodes {@code first}, {@code first + stride}, ... with at most
     * {@code outstanding} in flight, until done, the deadline, or the server's exit.
     */
    private void drive(ZooKeeper zk, int first, int stride, int outstanding, long deadline, ServerProcess server,
            Counts counts) {
        Semaphore inFlight = new Semaphore(outstanding);
        StringCallback done = (rc, path, ctx, name) -> {
            if (rc == KeeperException.Code.OK.intValue()) {
                counts.created.incrementAndGet();
            } else {
                counts.errors.merge(String.valueOf(KeeperException.Code.get(rc)), 1L, Long::sum);
            }
            inFlight.release();
        };
        try {
            for (int i = first; i < znodes && server.isAlive(); i += stride) {
                if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                try {
                    zk.create(path(i), value, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, done, null);
                } catch (RuntimeException e) {
                    counts.errors.merge("CLIENT " + e.getClass().getSimpleName(), 1L, Long::sum);
                    inFlight.release();
                }
            }
            if (!inFlight.tryAcquire(outstanding, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                counts.unanswered.addAndGet(outstanding - inFlight.availablePermits());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completions of all sessions, written by their event threads. */
    private static final class Counts {
        final AtomicLong created = new AtomicLong();
        final AtomicLong unanswered = new AtomicLong();
        final Map<String, Long> errors = new ConcurrentHashMap<>();
    }
}
