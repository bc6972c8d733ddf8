package org.zkplatform.dist.durability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Writers racing a crash: each thread has a session of its own and creates unique nodes (whose
 * data is their own path), sets its counter to ever higher numbers, and deletes some of the
 * nodes it created, recording in the {@link AckLedger} what it attempted and what was
 * acknowledged. When the server dies every call fails with a connection error, which counts as
 * "not acknowledged"; any other error is a wrong answer, kept for the test to report.
 */
final class CrashWriter {

    static final int THREADS = 4;
    private static final int MAX_OPS_PER_THREAD = 50_000;
    private static final long JOIN_SECONDS = 30;

    private final int port;
    private final AckLedger ledger;
    private final int round;
    private final long seed;
    private final List<ZooKeeper> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopped;

    CrashWriter(int port, AckLedger ledger, int round, long seed) {
        this.port = port;
        this.ledger = ledger;
        this.round = round;
        this.seed = seed;
    }

    /** Creates {@value AckLedger#ROOT} and the counters, once, before the first round. */
    static void setUp(int port, AckLedger ledger) throws KeeperException, InterruptedException {
        ZooKeeper zk = Clients.connect(port);
        try {
            zk.create(AckLedger.ROOT, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            for (int t = 0; t < THREADS; t++) {
                Stat stat = new Stat();
                zk.create(AckLedger.counterPath(t), bytes("0"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, stat);
                ledger.counterCreated(AckLedger.counterPath(t), stat.getCzxid());
            }
        } finally {
            Clients.closeQuietly(zk);
        }
    }

    /** Connects every writer's session, then starts them all writing. */
    void start() throws InterruptedException {
        try {
            for (int t = 0; t < THREADS; t++) {
                clients.add(Clients.connect(port));
            }
        } catch (RuntimeException | AssertionError e) {
            Clients.closeAll(clients);
            throw e;
        }
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> write(thread, clients.get(thread), new Random(seed + thread)),
                    "crash-writer-" + round + "-" + t);
            writer.setDaemon(true);
            threads.add(writer);
        }
        threads.forEach(Thread::start);
    }

    /**
     * Stops the writers and closes their clients, bounded in time. The clients are closed right
     * away, which also fails the call each writer has in hand when the server is dead.
     */
    void stop() throws InterruptedException {
        stopped = true;
        for (String closer : Clients.closeAll(clients)) {
            failures.add(closer + " did not finish");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOIN_SECONDS);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                failures.add(thread.getName() + " did not stop within " + JOIN_SECONDS + "s");
            }
        }
    }

    /** Errors other than a lost connection (each a wrong answer from the server), and writers that would not stop. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private void write(int thread, ZooKeeper zk, Random random) {
        List<String> deletable = new ArrayList<>();
        String counter = AckLedger.counterPath(thread);
        for (int n = 0; n < MAX_OPS_PER_THREAD && !stopped; n++) {
            int dice = random.nextInt(100);
            try {
                if (dice < 15) {
                    long value = ledger.attemptedCounter(counter) + 1;
                    ledger.setAttempted(counter, value);
                    Stat stat = zk.setData(counter, bytes(Long.toString(value)), -1);
                    ledger.setAcked(counter, value, stat.getMzxid());
                } else if (dice < 30 && !deletable.isEmpty()) {
                    String path = deletable.remove(random.nextInt(deletable.size()));
                    ledger.deleteAttempted(path);
                    zk.delete(path, -1);
                    ledger.deleteAcked(path);
                } else {
                    String path = AckLedger.ROOT + "/w" + thread + "-" + ((long) round * MAX_OPS_PER_THREAD + n);
                    ledger.createAttempted(path);
                    Stat stat = new Stat();
                    zk.create(path, bytes(path), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, stat);
                    ledger.createAcked(path, stat.getCzxid());
                    deletable.add(path);
                }
            } catch (KeeperException e) {
                if (!connectionTrouble(e)) {
                    failures.add(Thread.currentThread().getName() + ": " + e);
                }
                if (e.code() == KeeperException.Code.SESSIONEXPIRED) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.add(Thread.currentThread().getName() + ": " + e);
                return;
            }
        }
    }

    private static boolean connectionTrouble(KeeperException e) {
        switch (e.code()) {
            case CONNECTIONLOSS:
            case SESSIONEXPIRED:
            case SESSIONMOVED:
            case REQUESTTIMEOUT:
            case OPERATIONTIMEOUT:
                return true;
            default:
                return false;
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
