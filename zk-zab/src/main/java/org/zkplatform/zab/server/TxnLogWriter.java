package org.zkplatform.zab.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnLog;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.request.Transaction;

/**
 * The log writer: appends every txn waiting, makes them durable with one commit (group commit),
 * then reports the last zxid as durable. A write is answered only after that report. Every
 * {@code snapCount} txns or so it starts a new log file and asks for a snapshot, so recovery
 * never has to replay more than that.
 *
 * <p>The work runs in passes on an executor that runs one task at a time: by default a thread of
 * its own ({@code zk-txnlog}); a caller may give another, such as a simulation's event queue. A
 * thread that must see the log settled ({@link #runNow}) does the waiting work itself under the
 * writer's lock instead of waiting for the executor, so no thread ever blocks on another here.
 */
public final class TxnLogWriter implements TxnSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TxnLogWriter.class);
    private static final long SLOW_COMMIT_MILLIS = 1000;
    private static final long CLOSE_WAIT_SECONDS = 10;

    /** Work on the log that must not race appends, done by {@link #runNow}. */
    @FunctionalInterface
    public interface LogAction {
        void run() throws StorageException;
    }

    /** Txns to append, and tasks to run between them (truncation, say). */
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    /** Held by whoever is appending or committing: the executor's pass or a {@link #runNow} caller. */
    private final Object writing = new Object();
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final TxnLog log;
    private final Consumer<CoreEvent> core;
    private final Executor executor;
    /** The executor this writer made for itself and shuts down on close; null if the caller's. */
    private final ExecutorService owned;
    private final int snapCount;
    private final Runnable snapshot;
    private final Random random;
    private final ServerMetrics metrics;
    private long txnsSinceSnapshot;
    private long nextSnapshotAt;
    private volatile boolean started;
    private volatile boolean stopped;

    /**
     * Writes on a thread of its own, {@code zk-txnlog}.
     *
     * @param snapCount txns between snapshots, randomized between half and all of it
     * @param snapshot starts a snapshot in the background
     * @param random picks each snapshot point, so servers of an ensemble do not snapshot together
     * @param metrics where each commit's duration is recorded
     */
    public TxnLogWriter(TxnLog log, Consumer<CoreEvent> core, int snapCount, Runnable snapshot, Random random,
                        ServerMetrics metrics) {
        this(log, core, snapCount, snapshot, random, metrics, ownThread(), true);
    }

    /** Writes in passes run by {@code executor}, which must run them one at a time; the caller owns it. */
    public TxnLogWriter(TxnLog log, Consumer<CoreEvent> core, int snapCount, Runnable snapshot, Random random,
                        ServerMetrics metrics, Executor executor) {
        this(log, core, snapCount, snapshot, random, metrics, executor, false);
    }

    private static ExecutorService ownThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "zk-txnlog");
            thread.setDaemon(true);
            return thread;
        });
    }

    private TxnLogWriter(TxnLog log, Consumer<CoreEvent> core, int snapCount, Runnable snapshot, Random random,
                         ServerMetrics metrics, Executor executor, boolean owned) {
        this.metrics = metrics;
        this.log = log;
        this.core = core;
        this.snapCount = snapCount;
        this.snapshot = snapshot;
        this.random = random;
        this.executor = executor;
        this.owned = owned ? (ExecutorService) executor : null;
        this.nextSnapshotAt = pickSnapshotPoint();
    }

    private long pickSnapshotPoint() {
        return snapCount / 2 + random.nextInt(snapCount / 2 + 1);
    }

    /** Starts writing; txns submitted before wait until now. */
    public void start() {
        started = true;
        queuePass();
    }

    @Override
    public void submit(Transaction txn) {
        queue.add(txn);
        queuePass();
    }

    /**
     * Runs {@code task} on the writer once every txn submitted before it is durable: changes
     * to the log itself (truncation, a new file) must not race with appends.
     */
    public void runInOrder(Runnable task) {
        queue.add(task);
        queuePass();
    }

    /**
     * Makes every txn submitted so far durable and then runs {@code action}, on the calling
     * thread, with appends held off meanwhile. For a caller that needs the log settled before it
     * goes on (a learner cutting its log back); it costs that caller the time of the fsync, as
     * waiting for the log thread would.
     *
     * @throws StorageException if the log cannot be written or the action fails; a failed log is
     *     also reported to the core as {@link CoreEvent.LogFailed}
     */
    public void runNow(LogAction action) throws StorageException {
        synchronized (writing) {
            if (stopped) {
                throw new StorageException("the txn log writer is stopped");
            }
            drain();
            action.run();
        }
    }

    private void queuePass() {
        if (started && !stopped && passQueued.compareAndSet(false, true)) {
            executor.execute(this::pass);
        }
    }

    /** One pass of the executor: everything queued, then another pass if more came meanwhile. */
    private void pass() {
        passQueued.set(false);
        synchronized (writing) {
            if (stopped) {
                return;
            }
            try {
                drain();
            } catch (StorageException e) {
                return;
            }
        }
        if (!queue.isEmpty()) {
            queuePass();
        }
    }

    /** Appends and commits everything queued, running tasks in their place. Holding {@link #writing}. */
    private void drain() throws StorageException {
        List<Transaction> batch = new ArrayList<>();
        try {
            // Bounded by what is queued: items that arrive meanwhile are taken too, and a pass ends when none is left.
            for (Object item = queue.poll(); item != null; item = queue.poll()) {
                if (item instanceof Transaction) {
                    Transaction txn = (Transaction) item;
                    log.append(txn.zxid(), txn.encode());
                    batch.add(txn);
                } else {
                    commit(batch);
                    ((Runnable) item).run();
                }
            }
            commit(batch);
        } catch (StorageException | RuntimeException e) {
            stopped = true;
            StorageException failure = e instanceof StorageException ? (StorageException) e
                    : new StorageException(e.toString(), e);
            core.accept(new CoreEvent.LogFailed(failure));
            throw failure;
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

    /**
     * Stops after the pass in hand; what is still queued is not written. Not by interrupt, which
     * would close the log's file channel.
     */
    @Override
    public void close() {
        synchronized (writing) {
            stopped = true;
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
