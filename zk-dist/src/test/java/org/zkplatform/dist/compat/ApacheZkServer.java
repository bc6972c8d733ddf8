package org.zkplatform.dist.compat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * Apache ZooKeeper 3.9.5, standalone, in the test's JVM: the reference our behaviour is compared
 * with. Its switches are JVM-wide system properties, so options apply to every Apache server the
 * JVM runs afterwards as well.
 */
public final class ApacheZkServer implements ServerUnderTest {

    private final ZooKeeperServer server;
    private final ServerCnxnFactory factory;

    private ApacheZkServer(ZooKeeperServer server, ServerCnxnFactory factory) {
        this.server = server;
        this.factory = factory;
    }

    public static ApacheZkServer start(Path dir, ServerOptions options) {
        System.setProperty("zookeeper.4lw.commands.whitelist", String.join(",", options.fourLetterWords()));
        System.setProperty("zookeeper.extendedTypesEnabled", Boolean.toString(options.extendedTypes()));
        if (options.superDigest().isEmpty()) {
            System.clearProperty("zookeeper.DigestAuthenticationProvider.superDigest");
        } else {
            System.setProperty("zookeeper.DigestAuthenticationProvider.superDigest", options.superDigest());
        }
        System.setProperty("zookeeper.admin.enableServer", "false");
        try {
            File data = Files.createDirectories(dir.resolve("apache-data")).toFile();
            ZooKeeperServer server = new ZooKeeperServer(data, data, options.tickTimeMillis());
            ServerCnxnFactory factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 1000);
            factory.startup(server);
            return new ApacheZkServer(server, factory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String kind() {
        return "apache";
    }

    @Override
    public InetSocketAddress clientAddress() {
        return factory.getLocalAddress();
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
    }
}
