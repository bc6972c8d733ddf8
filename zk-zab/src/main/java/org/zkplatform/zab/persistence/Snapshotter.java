package org.zkplatform.zab.persistence;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Takes snapshots on a thread of its own while txns go on being applied, at most one at a time,
 * and purges what the newest snapshots no longer need.
 */
public final class Snapshotter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);

    /** The tree to snapshot: a learner replaces its tree when the leader sends a whole one. */
    private final Supplier<DataTree> tree;
    private final Storage storage;
    private final int retain;
    private final ServerMetrics metrics;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "zk-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param retain snapshots kept by purge
     * @param metrics where each snapshot's duration and size are recorded
     */
    public Snapshotter(Supplier<DataTree> tree, Storage storage, int retain, ServerMetrics metrics) {
        this.tree = tree;
        this.storage = storage;
        this.retain = retain;
        this.metrics = metrics;
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

    /** Purges every {@code interval}, on the snapshot thread so it never races a snapshot. */
    public void purgeEvery(Duration interval) {
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::purge, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void purge() {
        try {
            int deleted = storage.purge(retain);
            LOG.info("Purge kept the newest {} snapshots and deleted {} files", retain, deleted);
        } catch (StorageException | RuntimeException e) {
            LOG.error("Purging old snapshots and logs failed: {}", e.getMessage());
        }
    }

    /**
     * Writes a snapshot now and waits for it (at first start, so a log never lacks one; on a
     * learner given a whole tree). On the snapshot thread, after any snapshot under way.
     */
    public void snapshotNow() throws StorageException {
        Future<?> done = executor.submit(() -> {
            write();
            return null;
        });
        try {
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageException) {
                throw (StorageException) e.getCause();
            }
            throw new StorageException("taking a snapshot failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while taking a snapshot", e);
        }
    }

    /** Starts a snapshot in the background unless one is under way. */
    public void snapshotInBackground() {
        if (running.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    write();
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
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
