package org.zkplatform.dist.durability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * Apache ZooKeeper 3.9.5 in the test JVM on a data dir of the test's choosing, with the same
 * JVM-wide switches as the compat fixture's {@code ApacheZkServer} on its defaults (so the order
 * tests run in changes nothing), and a way to take a snapshot on demand.
 */
final class ApacheServerOnDir implements AutoCloseable {

    private static final int TICK_MILLIS = 2000;

    private final ZooKeeperServer server;
    private final ServerCnxnFactory factory;

    private ApacheServerOnDir(ZooKeeperServer server, ServerCnxnFactory factory) {
        this.server = server;
        this.factory = factory;
    }

    /** Starts a standalone server whose files are in {@code dataDir/version-2} (txn log and snapshots alike). */
    static ApacheServerOnDir start(Path dataDir) {
        System.setProperty("zookeeper.4lw.commands.whitelist", "*");
        System.setProperty("zookeeper.extendedTypesEnabled", "false");
        System.clearProperty("zookeeper.DigestAuthenticationProvider.superDigest");
        System.setProperty("zookeeper.admin.enableServer", "false");
        ServerCnxnFactory factory = null;
        try {
            File dir = dataDir.toFile();
            ZooKeeperServer server = new ZooKeeperServer(dir, dir, TICK_MILLIS);
            factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 1000);
            factory.startup(server);
            return new ApacheServerOnDir(server, factory);
        } catch (IOException e) {
            shutdown(factory);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            shutdown(factory);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return factory.getLocalPort();
    }

    /** Writes a snapshot of the tree now; later txns stay in the same log file. */
    void takeSnapshot() throws IOException {
        server.takeSnapshot();
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
    }

    private static void shutdown(ServerCnxnFactory factory) {
        if (factory != null) {
            factory.shutdown();
        }
    }
}
