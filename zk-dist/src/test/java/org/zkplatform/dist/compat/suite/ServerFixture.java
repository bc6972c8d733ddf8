package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.zkplatform.dist.compat.ServerUnderTest;

/** A started server and the clients a test opened on it; everything is closed after the test, clients first. */
final class ServerFixture implements AutoCloseable {

    static final int SESSION_TIMEOUT_MS = 30_000;
    static final long WAIT_SECONDS = 10;

    private final Target target;
    private final ServerUnderTest server;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    ServerFixture(Target target, ServerUnderTest server) {
        this.target = target;
        this.server = server;
    }

    Target target() {
        return target;
    }

    ServerUnderTest server() {
        return server;
    }

    String connectString() {
        return server.connectString();
    }

    /** A client with a new session, connected. */
    ZooKeeper client() {
        return client(event -> { });
    }

    /** A client with a new session, connected; {@code watcher} gets its state changes and default-watcher events. */
    ZooKeeper client(Watcher watcher) {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = unconnectedClient(SESSION_TIMEOUT_MS, onConnected(connected, watcher));
        awaitConnected(connected);
        return zk;
    }

    /** A client resuming an existing session, connected. */
    ZooKeeper resume(long sessionId, byte[] password, Watcher watcher) {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = unconnectedResume(sessionId, password, onConnected(connected, watcher));
        awaitConnected(connected);
        return zk;
    }

    /** A client with a new session, closed after the test, whose connection the test waits for itself. */
    ZooKeeper unconnectedClient(int sessionTimeoutMs, Watcher watcher) {
        return openClient(() -> new ZooKeeper(connectString(), sessionTimeoutMs, watcher));
    }

    /** A client resuming a session, closed after the test, whose connection (or expiry) the test waits for itself. */
    ZooKeeper unconnectedResume(long sessionId, byte[] password, Watcher watcher) {
        return openClient(() -> new ZooKeeper(connectString(), SESSION_TIMEOUT_MS, watcher, sessionId, password));
    }

    /** A started Curator client, connected. */
    CuratorFramework curator() {
        CuratorFramework curator = register(CuratorFrameworkFactory.newClient(connectString(), SESSION_TIMEOUT_MS,
                (int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS), new RetryNTimes(3, 100)));
        curator.start();
        try {
            assertTrue(curator.blockUntilConnected((int) WAIT_SECONDS, TimeUnit.SECONDS), "Curator did not connect");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return curator;
    }

    /** A new session on a raw protocol connection. */
    RawSession rawSession(int requestedTimeoutMs) {
        return register(RawSession.connect(server.clientAddress(), requestedTimeoutMs));
    }

    /** Sends a four-letter word and returns everything the server wrote before closing the connection. */
    String fourLetterWord(String word) {
        return RawSession.fourLetterWord(server.clientAddress(), word);
    }

    <T extends AutoCloseable> T register(T resource) {
        synchronized (opened) {
            opened.push(resource);
        }
        return resource;
    }

    @Override
    public void close() throws Exception {
        List<AutoCloseable> newestFirst;
        synchronized (opened) {
            newestFirst = List.copyOf(opened);
            opened.clear();
        }
        Exception failure = null;
        for (AutoCloseable resource : newestFirst) {
            try {
                if (resource instanceof ZooKeeper zk) {
                    zk.close((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                } else {
                    resource.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        server.close();
        if (failure != null) {
            throw failure;
        }
    }

    private interface ClientOpener {
        ZooKeeper open() throws IOException;
    }

    private ZooKeeper openClient(ClientOpener opener) {
        try {
            return register(opener.open());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitConnected(CountDownLatch connected) {
        try {
            if (!connected.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                fail("no SyncConnected from " + target.displayName() + " within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Watcher onConnected(CountDownLatch connected, Watcher watcher) {
        return event -> {
            if (event.getType() == Watcher.Event.EventType.None && event.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
            watcher.process(event);
        };
    }
}
