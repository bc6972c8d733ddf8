package org.zkplatform.dist.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * The client sessions of a run, all connected before the first request, and a count of every
 * time one lost its connection or expired afterwards: a healthy server causes none.
 */
final class Sessions implements AutoCloseable {

    static final int SESSION_TIMEOUT_MILLIS = 30_000;
    private static final long CONNECT_LIMIT_SECONDS = 20;
    private static final int CLOSE_LIMIT_MILLIS = 5_000;

    private final List<ZooKeeper> clients = new ArrayList<>();
    private final AtomicLong connectionLosses = new AtomicLong();
    private final AtomicLong expirations = new AtomicLong();
    /** Sessions connected now: a failover disconnects some for a while, and the next round waits for all. */
    private final AtomicInteger connectedNow = new AtomicInteger();

    /** Opens {@code count} sessions to 127.0.0.1:{@code port} and waits until all are connected. */
    static Sessions open(int port, int count) throws BenchException, InterruptedException {
        return open(port, count, ZKClientConfig::new);
    }

    /** As {@link #open(int, int)}, each client with a configuration of its own from {@code config} (TLS, say). */
    static Sessions open(int port, int count, Supplier<ZKClientConfig> config) throws BenchException, InterruptedException {
        return open(List.of("127.0.0.1:" + port), count, config);
    }

    /**
     * Opens {@code count} sessions, session i with connect string {@code connectStrings[i % size]}
     * (one server each, round-robin, or all servers of an ensemble so they fail over), and waits
     * until all are connected.
     */
    static Sessions open(List<String> connectStrings, int count, Supplier<ZKClientConfig> config)
            throws BenchException, InterruptedException {
        Sessions sessions = new Sessions();
        CountDownLatch connected = new CountDownLatch(count);
        try {
            for (int i = 0; i < count; i++) {
                sessions.clients.add(new ZooKeeper(connectStrings.get(i % connectStrings.size()),
                        SESSION_TIMEOUT_MILLIS, sessions.watcher(connected), config.get()));
            }
            if (!connected.await(CONNECT_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new BenchException(connected.getCount() + " of " + count + " sessions not connected after "
                        + CONNECT_LIMIT_SECONDS + "s");
            }
        } catch (IOException e) {
            sessions.close();
            throw new BenchException("cannot open a session: " + e);
        } catch (BenchException | InterruptedException e) {
            sessions.close();
            throw e;
        }
        return sessions;
    }

    private Watcher watcher(CountDownLatch connected) {
        CountDownLatch mine = new CountDownLatch(1);
        AtomicBoolean up = new AtomicBoolean();
        return (WatchedEvent event) -> {
            switch (event.getState()) {
                case SyncConnected -> {
                    if (mine.getCount() == 1) {
                        mine.countDown();
                        connected.countDown();
                    }
                    if (up.compareAndSet(false, true)) {
                        connectedNow.incrementAndGet();
                    }
                }
                case Disconnected, Expired, AuthFailed -> {
                    connectionLosses.incrementAndGet();
                    if (event.getState() == Watcher.Event.KeeperState.Expired) {
                        expirations.incrementAndGet();
                    }
                    if (up.compareAndSet(true, false)) {
                        connectedNow.decrementAndGet();
                    }
                }
                default -> {
                    // Closed (ours) and read-only states are not losses.
                }
            }
        };
    }

    int size() {
        return clients.size();
    }

    ZooKeeper get(int index) {
        return clients.get(index);
    }

    /** Disconnections and expirations seen since the sessions connected. */
    long connectionLosses() {
        return connectionLosses.get();
    }

    /** Expirations alone: a failover may disconnect sessions, but must not lose them. */
    long expirations() {
        return expirations.get();
    }

    /** Waits until every session is connected, at most {@code limitMillis}; returns how many are not. */
    int awaitAllConnected(long limitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        while (connectedNow.get() < clients.size() && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        return clients.size() - connectedNow.get();
    }

    /**
     * ZooKeeper's sync on every session: each one's server catches up with the leader, so nodes
     * created through one server are there for reads through the others from the first request.
     */
    void syncAll(String path, long limitSeconds) throws BenchException, InterruptedException {
        CountDownLatch done = new CountDownLatch(clients.size());
        AtomicInteger failed = new AtomicInteger();
        for (ZooKeeper zk : clients) {
            zk.sync(path, (rc, p, ctx) -> {
                if (rc != 0) {
                    failed.incrementAndGet();
                }
                done.countDown();
            }, null);
        }
        if (!done.await(limitSeconds, TimeUnit.SECONDS)) {
            throw new BenchException(done.getCount() + " of " + clients.size() + " syncs unanswered after "
                    + limitSeconds + "s");
        }
        if (failed.get() > 0) {
            throw new BenchException(failed.get() + " of " + clients.size() + " syncs failed");
        }
    }

    /** Closes every session at once, each on a thread of its own, waiting at most 10 s in all. */
    @Override
    public void close() {
        List<Thread> closers = new ArrayList<>();
        for (ZooKeeper zk : clients) {
            Thread closer = new Thread(() -> {
                try {
                    zk.close(CLOSE_LIMIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "close-" + closers.size());
            closer.setDaemon(true);
            closer.start();
            closers.add(closer);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2L * CLOSE_LIMIT_MILLIS);
        try {
            for (Thread closer : closers) {
                closer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
