package org.zkplatform.zab.persistence;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.SnapshotWriter;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.tree.DataTree;

/**
 * Takes snapshots in the background while txns go on being applied, at most one at a time, and
 * purges what the newest snapshots no longer need.
 *
 * <p>Background work runs on an executor that runs one task at a time: by default a thread of its
 * own ({@code zk-snapshot}); a caller may give another, such as a simulation's event queue. A
 * snapshot taken now ({@link #snapshotNow()}) is written on the calling thread, after any
 * background snapshot under way, so no thread waits for another's executor.
 */
public final class Snapshotter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    /** The tree to snapshot: a learner replaces its tree when the leader sends a whole one. */
    private final Supplier<DataTree> tree;
    private final Storage storage;
    private final int retain;
    private final Executor background;
    /** The executor this snapshotter made for itself and shuts down on close; null if the caller's. */
    private final ExecutorService owned;
    /** Held while a snapshot is written or a purge runs, so they never overlap. */
    private final Object writing = new Object();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ServerMetrics metrics;
    private ScheduledExecutorService purgeTimer;

    /**
     * Works in the background on a thread of its own, {@code zk-snapshot}.
     *
     * @param retain snapshots kept by purge
     * @param metrics where each snapshot's duration and size are recorded
     */
    public Snapshotter(Supplier<DataTree> tree, Storage storage, int retain, ServerMetrics metrics) {
        this(tree, storage, retain, metrics, ownThread(), true);
    }

    /** Works in the background on {@code background}, which must run one task at a time; the caller owns it. */
    public Snapshotter(Supplier<DataTree> tree, Storage storage, int retain, ServerMetrics metrics,
                       Executor background) {
        this(tree, storage, retain, metrics, background, false);
    }

    private static ExecutorService ownThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "zk-snapshot");
            thread.setDaemon(true);
            return thread;
        });
    }

    private Snapshotter(Supplier<DataTree> tree, Storage storage, int retain, ServerMetrics metrics,
                        Executor background, boolean owned) {
        this.tree = tree;
        this.storage = storage;
        this.retain = retain;
        this.metrics = metrics;
        this.background = background;
        this.owned = owned ? (ExecutorService) background : null;
    }

    /**
     * Tells the metrics of the newest snapshot on disk, the one a start loads, until this server
     * writes one. Its time is unknown to the storage SPI, so it is reported as -1.
     */
    public void noteNewestOnDisk() throws StorageException {
        java.util.List<SnapshotInfo> all = storage.snapshots().list();
        if (!all.isEmpty()) {
            metrics.snapshotFound(new ServerMetrics.LastSnapshot(all.get(0).zxid(), -1, all.get(0).sizeBytes()));
        }
    }

    /** Purges every {@code interval}, in the background, never while a snapshot is written. */
    public synchronized void purgeEvery(Duration interval) {
        if (purgeTimer == null) {
            purgeTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "zk-purge-timer");
                thread.setDaemon(true);
                return thread;
            });
        }
        long millis = interval.toMillis();
        purgeTimer.scheduleWithFixedDelay(() -> background.execute(this::purge), millis, millis, TimeUnit.MILLISECONDS);
    }

    private void purge() {
        synchronized (writing) {
            try {
                int deleted = storage.purge(retain);
                LOG.info("Purge kept the newest {} snapshots and deleted {} files", retain, deleted);
            } catch (StorageException | RuntimeException e) {
                LOG.error("Purging old snapshots and logs failed: {}", e.getMessage());
            }
        }
    }

    /**
     * Writes a snapshot now, on the calling thread, after any snapshot under way (at first start,
     * so a log never lacks one; on a learner given a whole tree).
     */
    public void snapshotNow() throws StorageException {
        synchronized (writing) {
            try {
                write();
            } catch (RuntimeException e) {
                throw new StorageException("taking a snapshot failed: " + e, e);
            }
        }
    }

    /** Starts a snapshot in the background unless one is under way. */
    public void snapshotInBackground() {
        if (running.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    synchronized (writing) {
                        write();
                    }
                } catch (StorageException | RuntimeException e) {
                    LOG.error("Taking a snapshot failed: {}; the txn log still holds everything", e.getMessage());
                } finally {
                    running.set(false);
                }
            });
        }
    }

    private void write() throws StorageException {
        long start = System.nanoTime();
        DataTree current = tree.get();
        long zxid = current.lastProcessedZxid();
        SnapshotWriter writer = storage.snapshots().create(zxid);
        try {
            long nodes = SnapshotFormat.write(current, writer.stream());
            SnapshotInfo info = writer.commit();
            long nanos = System.nanoTime() - start;
            metrics.snapshotWritten(nanos, new ServerMetrics.LastSnapshot(zxid, System.currentTimeMillis(),
                    info.sizeBytes()));
            LOG.info("Snapshot {} written: {} nodes, {} bytes, from zxid {} in {} ms", info.name(), nodes,
                    info.sizeBytes(), Zxid.toHex(zxid), TimeUnit.NANOSECONDS.toMillis(nanos));
        } catch (java.io.IOException e) {
            writer.abort();
            throw new StorageException("cannot write snapshot at zxid " + Zxid.toHex(zxid) + ": " + e.getMessage(), e);
        } catch (StorageException | RuntimeException e) {
            writer.abort();
            throw e;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (purgeTimer != null) {
                purgeTimer.shutdownNow();
            }
        }
        if (owned != null) {
            owned.shutdown();
            try {
                owned.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
