package org.zkplatform.zab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.api.storage.TxnCursor;
import org.zkplatform.api.storage.TxnLog;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.TxnHeader;
import org.zkplatform.zab.request.Transaction;

class TxnLogWriterTest {

    /** A log that counts commits and can hold the first one until told to go on. */
    private static final class CountingLog implements TxnLog {
        final List<Long> appended = new ArrayList<>();
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rolls = new AtomicInteger();
        final CountDownLatch firstCommitEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirstCommit = new CountDownLatch(1);

        @Override
        public synchronized void append(long zxid, byte[] txn) {
            appended.add(zxid);
        }

        @Override
        public void commit() {
            if (commits.incrementAndGet() == 1) {
                firstCommitEntered.countDown();
                try {
                    releaseFirstCommit.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public long lastZxid() {
            return 0;
        }

        @Override
        public TxnCursor readFrom(long fromZxid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void truncateAfter(long zxid) {
        }

        @Override
        public void roll() {
            rolls.incrementAndGet();
        }

        @Override
        public void close() {
        }
    }

    private static Transaction txn(long zxid) {
        return new Transaction(new TxnHeader(1, 0, zxid, 0, OpCode.CREATE_SESSION), new CreateSessionTxn(1000));
    }

    @Test
    void oneCommitCoversEveryTxnThatArrivedDuringTheLast() throws Exception {
        CountingLog log = new CountingLog();
        BlockingQueue<CoreEvent> events = new LinkedBlockingQueue<>();
        TxnLogWriter writer = new TxnLogWriter(log, events::add, 1_000_000, () -> { }, new Random(1), new ServerMetrics());
        writer.start();
        try {
            writer.submit(txn(1));
            assertTrue(log.firstCommitEntered.await(10, TimeUnit.SECONDS));
            for (long zxid = 2; zxid <= 1000; zxid++) {
                writer.submit(txn(zxid));
            }
            log.releaseFirstCommit.countDown();

            long durable = 0;
            while (durable < 1000) {
                CoreEvent event = events.poll(10, TimeUnit.SECONDS);
                assertTrue(event instanceof CoreEvent.Durable, "expected durability, got " + event);
                long zxid = ((CoreEvent.Durable) event).zxid();
                assertTrue(zxid > durable, "durability went backwards");
                durable = zxid;
            }
            assertEquals(2, log.commits.get(), "the 999 txns that waited should share one fsync");
            assertEquals(1000, log.appended.size());
        } finally {
            writer.close();
        }
    }

    @Test
    void rollsTheLogAndAsksForASnapshotEverySnapCountOrSo() throws Exception {
        CountingLog log = new CountingLog();
        log.releaseFirstCommit.countDown();
        AtomicInteger snapshots = new AtomicInteger();
        BlockingQueue<CoreEvent> events = new LinkedBlockingQueue<>();
        TxnLogWriter writer = new TxnLogWriter(log, events::add, 100, snapshots::incrementAndGet, new Random(7), new ServerMetrics());
        writer.start();
        try {
            for (long zxid = 1; zxid <= 1000; zxid++) {
                writer.submit(txn(zxid));
                // Wait for each, so every txn is its own batch and the count is exact.
                CoreEvent event = events.poll(10, TimeUnit.SECONDS);
                assertEquals(new CoreEvent.Durable(zxid), event);
            }
            // Between every 50 and every 100 txns: 10 to 20 snapshots in 1000 txns.
            assertTrue(snapshots.get() >= 10 && snapshots.get() <= 20, "snapshots: " + snapshots.get());
            assertEquals(snapshots.get(), log.rolls.get(), "each snapshot starts a new log file");
        } finally {
            writer.close();
        }
    }

    @Test
    void passesRunOnTheExecutorGivenOneTaskAtATime() throws Exception {
        CountingLog log = new CountingLog();
        log.releaseFirstCommit.countDown();
        List<Runnable> tasks = new ArrayList<>();
        List<CoreEvent> events = new ArrayList<>();
        TxnLogWriter writer = new TxnLogWriter(log, events::add, 1_000_000, () -> { }, new Random(1), new ServerMetrics(), tasks::add);
        writer.start();
        writer.submit(txn(1));
        writer.submit(txn(2));
        assertEquals(1, tasks.size(), "one pass queued for both txns");
        assertTrue(log.appended.isEmpty(), "nothing written before the executor runs the pass");
        tasks.remove(0).run();
        assertEquals(List.of(new CoreEvent.Durable(2)), events);
        assertEquals(1, log.commits.get());
        assertTrue(tasks.isEmpty());
    }

    @Test
    void runNowMakesWhatWaitsDurableOnTheCallersThreadBeforeTheAction() throws Exception {
        CountingLog log = new CountingLog();
        log.releaseFirstCommit.countDown();
        List<Runnable> tasks = new ArrayList<>();
        List<CoreEvent> events = new ArrayList<>();
        TxnLogWriter writer = new TxnLogWriter(log, events::add, 1_000_000, () -> { }, new Random(1), new ServerMetrics(), tasks::add);
        writer.start();
        writer.submit(txn(1));
        List<Integer> commitsSeenByAction = new ArrayList<>();
        writer.runNow(() -> commitsSeenByAction.add(log.commits.get()));
        assertEquals(List.of(1), commitsSeenByAction, "the action runs after the fsync of what was queued");
        assertEquals(List.of(new CoreEvent.Durable(1)), events);
        tasks.remove(0).run();
        assertEquals(1, log.commits.get(), "the executor's pass finds nothing left to do");
    }
}
