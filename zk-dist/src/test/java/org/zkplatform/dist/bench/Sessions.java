package org.zkplatform.dist.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

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

    /** Opens {@code count} sessions to 127.0.0.1:{@code port} and waits until all are connected. */
    static Sessions open(int port, int count) throws BenchException, InterruptedException {
        Sessions sessions = new Sessions();
        CountDownLatch connected = new CountDownLatch(count);
        try {
            for (int i = 0; i < count; i++) {
                sessions.clients.add(new ZooKeeper("127.0.0.1:" + port, SESSION_TIMEOUT_MILLIS,
                        sessions.watcher(connected)));
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
        return (WatchedEvent event) -> {
            switch (event.getState()) {
                case SyncConnected -> {
                    if (mine.getCount() == 1) {
                        mine.countDown();
                        connected.countDown();
                    }
                }
                case Disconnected, Expired, AuthFailed -> connectionLosses.incrementAndGet();
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
