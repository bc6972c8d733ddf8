package org.zkplatform.dist.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.AsyncCallback.DataCallback;
import org.apache.zookeeper.AsyncCallback.StatCallback;
import org.apache.zookeeper.AsyncCallback.StringCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * One session's share of a workload run: its driver thread issues async requests while the
 * semaphore has permits, and the session's event thread records each completion. The semaphore
 * bounds requests in flight, so load is a closed loop and memory stays fixed.
 */
final class SessionLoad implements StringCallback, StatCallback, DataCallback {

    /** Told of every successful request, on the session's event thread: the failover scenario times acks by it. */
    @FunctionalInterface
    interface AckListener {
        AckListener NONE = (issuedNanos, ackedNanos) -> { };

        void acked(long issuedNanos, long ackedNanos);
    }

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ZooKeeper zk;
    private final BenchTree tree;
    private final String createPrefix;
    private final Window window;
    private final int outstanding;
    private final Semaphore inFlight;
    private final LatencyHistogram latencies = new LatencyHistogram();
    private final Map<String, Long> errors = new ConcurrentHashMap<>();
    private final AckListener acks;
    private long created;

    SessionLoad(ZooKeeper zk, int index, BenchTree tree, Window window, int outstanding) {
        this(zk, index, tree, window, outstanding, AckListener.NONE);
    }

    SessionLoad(ZooKeeper zk, int index, BenchTree tree, Window window, int outstanding, AckListener acks) {
        this.acks = acks;
        this.zk = zk;
        this.tree = tree;
        this.createPrefix = tree.createdDir() + "/s" + index + "-";
        this.window = window;
        this.outstanding = outstanding;
        this.inFlight = new Semaphore(outstanding);
    }

    /** Issues requests until {@code stop} or {@code deadlineNanos}, whichever comes first. */
    void drive(Workload workload, AtomicBoolean stop, long deadlineNanos) {
        SplittableRandom random = new SplittableRandom(createPrefix.hashCode());
        while (!stop.get() && System.nanoTime() - deadlineNanos < 0) {
            try {
                if (!inFlight.tryAcquire(POLL_NANOS, TimeUnit.NANOSECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                workload.issue(this, random);
            } catch (RuntimeException e) {
                errors.merge("CLIENT " + e.getClass().getSimpleName(), 1L, Long::sum);
                inFlight.release();
            }
        }
    }

    /** Waits until every request has completed; returns how many are still unanswered at the deadline. */
    int awaitIdle(long deadlineNanos) throws InterruptedException {
        long wait = Math.max(0, deadlineNanos - System.nanoTime());
        if (inFlight.tryAcquire(outstanding, wait, TimeUnit.NANOSECONDS)) {
            inFlight.release(outstanding);
            return 0;
        }
        return outstanding - inFlight.availablePermits();
    }

    LatencyHistogram latencies() {
        return latencies;
    }

    /** Failed requests by result code, plus {@code BADRESULT} for a success with the wrong data. */
    Map<String, Long> errors() {
        return errors;
    }

    void create() {
        zk.create(createPrefix + created++, tree.value(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, this,
                System.nanoTime());
    }

    void set(SplittableRandom random) {
        zk.setData(tree.randomNode(random), tree.value(), -1, this, System.nanoTime());
    }

    void get(SplittableRandom random) {
        zk.getData(tree.randomNode(random), false, this, System.nanoTime());
    }

    @Override
    public void processResult(int rc, String path, Object ctx, String name) {
        complete(rc, path.equals(name), ctx);
    }

    @Override
    public void processResult(int rc, String path, Object ctx, Stat stat) {
        complete(rc, stat != null && stat.getDataLength() == tree.value().length, ctx);
    }

    @Override
    public void processResult(int rc, String path, Object ctx, byte[] data, Stat stat) {
        complete(rc, data != null && data.length == tree.value().length, ctx);
    }

    private void complete(int rc, boolean expected, Object startNanos) {
        long now = System.nanoTime();
        try {
            if (rc != KeeperException.Code.OK.intValue()) {
                KeeperException.Code code = KeeperException.Code.get(rc);
                errors.merge(code == null ? "rc " + rc : code.name(), 1L, Long::sum);
            } else if (!expected) {
                errors.merge("BADRESULT", 1L, Long::sum);
            } else {
                if (window.contains(now)) {
                    latencies.record(now - (Long) startNanos);
                }
                acks.acked((Long) startNanos, now);
            }
        } finally {
            inFlight.release();
        }
    }
}
