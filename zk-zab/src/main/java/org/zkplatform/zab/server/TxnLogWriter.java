package org.zkplatform.zab.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnLog;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.request.Transaction;

/**
 * The log thread: appends every txn waiting, makes them durable with one commit (group commit),
 * then reports the last zxid as durable. A write is answered only after that report. Every
 * {@code snapCount} txns or so it starts a new log file and asks for a snapshot, so recovery
 * never has to replay more than that.
 */
public final class TxnLogWriter implements TxnSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TxnLogWriter.class);
    private static final long SLOW_COMMIT_MILLIS = 1000;

    /** Txns to append, and tasks to run between them on the log thread (truncation, say). */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final TxnLog log;
    private final Consumer<CoreEvent> core;
    private final Thread thread;
    private final int snapCount;
    private final Runnable snapshot;
    private final Random random;
    private final ServerMetrics metrics;
    private long txnsSinceSnapshot;
    private long nextSnapshotAt;
    private volatile boolean running = true;

    /**
     * @param snapCount txns between snapshots, randomized between half and all of it
     * @param snapshot starts a snapshot in the background
     * @param random picks each snapshot point, so servers of an ensemble do not snapshot together
     * @param metrics where each commit's duration is recorded
     */
    public TxnLogWriter(TxnLog log, Consumer<CoreEvent> core, int snapCount, Runnable snapshot, Random random,
                        ServerMetrics metrics) {
        this.log = log;
        this.core = core;
        this.snapCount = snapCount;
        this.snapshot = snapshot;
        this.random = random;
        this.metrics = metrics;
        this.nextSnapshotAt = pickSnapshotPoint();
        this.thread = new Thread(this::run, "zk-txnlog");
    }

    private long pickSnapshotPoint() {
        return snapCount / 2 + random.nextInt(snapCount / 2 + 1);
    }

    public void start() {
        thread.start();
    }

    @Override
    public void submit(Transaction txn) {
        queue.add(txn);
    }

    /**
     * Runs {@code task} on the log thread once every txn submitted before it is durable: changes
     * to the log itself (truncation, a new file) must not race with appends.
     */
    public void runInOrder(Runnable task) {
        queue.add(task);
    }

    private void run() {
        List<Object> items = new ArrayList<>();
        List<Transaction> batch = new ArrayList<>();
        try {
            while (running) {
                Object first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                items.add(first);
                queue.drainTo(items);
                for (Object item : items) {
                    if (item instanceof Transaction) {
                        Transaction txn = (Transaction) item;
                        log.append(txn.zxid(), txn.encode());
                        batch.add(txn);
                    } else {
                        commit(batch);
                        ((Runnable) item).run();
                    }
                }
                items.clear();
                commit(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StorageException | RuntimeException e) {
            running = false;
            core.accept(new CoreEvent.LogFailed(e instanceof StorageException ? e : new StorageException(e.toString(), e)));
        }
    }

    /** Makes the batch durable, reports it, and starts a snapshot when it is time. */
    private void commit(List<Transaction> batch) throws StorageException {
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        log.commit();
        long nanos = System.nanoTime() - start;
        metrics.fsynced(nanos);
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        if (millis > SLOW_COMMIT_MILLIS) {
            LOG.warn("Making {} txns durable took {} ms; the disk is slow", batch.size(), millis);
        }
        core.accept(new CoreEvent.Durable(batch.get(batch.size() - 1).zxid()));
        txnsSinceSnapshot += batch.size();
        batch.clear();
        if (txnsSinceSnapshot >= nextSnapshotAt) {
            txnsSinceSnapshot = 0;
            nextSnapshotAt = pickSnapshotPoint();
            log.roll();
            snapshot.run();
        }
    }

    /** Stops after the batch in hand; not by interrupt, which would close the log's file channel. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
