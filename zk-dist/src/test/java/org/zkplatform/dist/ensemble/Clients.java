package org.zkplatform.dist.ensemble;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ConnectStringParser;
import org.apache.zookeeper.client.StaticHostProvider;
import org.apache.zookeeper.client.ZKClientConfig;

/** Apache ZooKeeper clients for ensemble tests, every wait bounded, all closed at the end. */
final class Clients implements AutoCloseable {

    static final int SESSION_TIMEOUT_MS = 30_000;
    private static final long WAIT_SECONDS = 30;

    private final List<ZooKeeper> opened = new ArrayList<>();

    static ZKClientConfig config() {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.ZOOKEEPER_REQUEST_TIMEOUT, "15000");
        return config;
    }

    ZooKeeper connect(String connectString) {
        return connect(connectString, SESSION_TIMEOUT_MS);
    }

    ZooKeeper connect(String connectString, int sessionTimeoutMs) {
        CountDownLatch connected = new CountDownLatch(1);
        try {
            ZooKeeper zk = new ZooKeeper(connectString, sessionTimeoutMs, event -> {
                if (event.getState() == KeeperState.SyncConnected) {
                    connected.countDown();
                }
            }, config());
            return awaitConnected(zk, connected, connectString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ZooKeeper resume(String connectString, long sessionId, byte[] password) {
        CountDownLatch connected = new CountDownLatch(1);
        try {
            ZooKeeper zk = new ZooKeeper(connectString, SESSION_TIMEOUT_MS, event -> {
                if (event.getState() == KeeperState.SyncConnected) {
                    connected.countDown();
                }
            }, sessionId, password, false,
                    new StaticHostProvider(new ConnectStringParser(connectString).getServerAddresses()), config());
            return awaitConnected(zk, connected, connectString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ZooKeeper awaitConnected(ZooKeeper zk, CountDownLatch connected, String connectString) {
        opened.add(zk);
        try {
            if (!connected.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("no session with " + connectString + " within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return zk;
    }

    /** ZooKeeper's sync: the server the client is on catches up with the leader. */
    static void sync(ZooKeeper zk, String path) throws InterruptedException, KeeperException {
        CountDownLatch done = new CountDownLatch(1);
        int[] rc = {-1};
        zk.sync(path, (code, p, ctx) -> {
            rc[0] = code;
            done.countDown();
        }, null);
        if (!done.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("sync did not complete within " + WAIT_SECONDS + " s");
        }
        if (rc[0] != 0) {
            throw KeeperException.create(KeeperException.Code.get(rc[0]), path);
        }
    }

    /** Empties a server's data dir but for its myid: it comes back knowing nothing. */
    static void deleteVersion2(Path data) throws IOException {
        Path version2 = data.resolve("version-2");
        if (!Files.exists(version2)) {
            return;
        }
        try (Stream<Path> files = Files.walk(version2)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Override
    public void close() {
        for (ZooKeeper zk : opened) {
            try {
                zk.close(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
