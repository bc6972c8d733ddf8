package org.zkplatform.dist.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.StaticHostProvider;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * Apache ZooKeeper clients for the durability tests, with every wait bounded: connecting, each
 * request (a client-side request timeout) and closing, so a dead server never hangs a test.
 */
final class Clients {

    static final int SESSION_TIMEOUT_MS = 30_000;
    static final long REQUEST_TIMEOUT_MS = 10_000;
    static final int CLOSE_TIMEOUT_MS = 5_000;
    private static final long CONNECT_SECONDS = 15;

    private Clients() {
    }

    /** A new session on 127.0.0.1:{@code port}, connected. */
    static ZooKeeper connect(int port) {
        CountDownLatch connected = new CountDownLatch(1);
        try {
            ZooKeeper zk = new ZooKeeper("127.0.0.1:" + port, SESSION_TIMEOUT_MS, onConnected(connected), config());
            return awaitConnected(zk, connected, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resumes session {@code sessionId} on 127.0.0.1:{@code port}; fails if the server does not know it any more. */
    static ZooKeeper resume(int port, long sessionId, byte[] password) {
        CountDownLatch connected = new CountDownLatch(1);
        try {
            ZooKeeper zk = new ZooKeeper("127.0.0.1:" + port, SESSION_TIMEOUT_MS, onConnected(connected), sessionId,
                    password, false, new StaticHostProvider(List.of(new InetSocketAddress("127.0.0.1", port))), config());
            return awaitConnected(zk, connected, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes without waiting longer than {@link #CLOSE_TIMEOUT_MS}; a dead server makes this a local close. */
    static void closeQuietly(ZooKeeper zk) {
        if (zk == null) {
            return;
        }
        try {
            zk.close(CLOSE_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Closing is best effort: the session's fate is what the tests check, not the close.
        }
    }

    /**
     * Closes every client at once, each on a thread of its own, and waits at most
     * {@link #CLOSE_TIMEOUT_MS} plus a margin: with the server gone each close waits for a
     * reconnect attempt to fail (about a second), which would add up one client after another.
     *
     * @return the names of closing threads still running when the wait ended (none, normally)
     */
    static List<String> closeAll(List<ZooKeeper> clients) throws InterruptedException {
        List<Thread> closers = new ArrayList<>();
        for (ZooKeeper client : clients) {
            Thread closer = new Thread(() -> closeQuietly(client), "close-session-0x" + Long.toHexString(client.getSessionId()));
            closer.setDaemon(true);
            closer.start();
            closers.add(closer);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_TIMEOUT_MS + 5_000L);
        List<String> stuck = new ArrayList<>();
        for (Thread closer : closers) {
            closer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (closer.isAlive()) {
                stuck.add(closer.getName());
            }
        }
        return stuck;
    }

    private static ZKClientConfig config() {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.ZOOKEEPER_REQUEST_TIMEOUT, Long.toString(REQUEST_TIMEOUT_MS));
        return config;
    }

    private static Watcher onConnected(CountDownLatch connected) {
        return event -> {
            if (event.getType() == Watcher.Event.EventType.None && (event.getState() == KeeperState.SyncConnected
                    || event.getState() == KeeperState.Expired)) {
                connected.countDown();
            }
        };
    }

    private static ZooKeeper awaitConnected(ZooKeeper zk, CountDownLatch connected, int port) {
        try {
            if (connected.await(CONNECT_SECONDS, TimeUnit.SECONDS) && zk.getState().isConnected()) {
                return zk;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ZooKeeper.States state = zk.getState();
        closeQuietly(zk);
        throw new AssertionError("no session on 127.0.0.1:" + port + " within " + CONNECT_SECONDS + "s (client state "
                + state + ")");
    }
}
