package org.zkplatform.dist.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.zkplatform.dist.LaunchOptions;
import org.zkplatform.dist.Launcher;
import org.zkplatform.dist.StartupException;

/**
 * Our server composed by the real launcher inside the test JVM, from a config file: a HOCON
 * {@code zk.conf} of the given lines (on top of a client port on 127.0.0.1, every four-letter
 * word, data under the directory), or a {@code zoo.cfg}.
 */
final class TlsServer implements AutoCloseable {

    private final Launcher.Running running;

    private TlsServer(Launcher.Running running) {
        this.running = running;
    }

    static TlsServer start(Path dir, String hocon) throws IOException, StartupException {
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("zk.conf"), String.join("\n",
                "zk.server.tick-time = 2000ms",
                "zk.client { address = \"127.0.0.1\", port = 0, four-letter-words = [\"*\"] }",
                "zk.admin.enabled = false",
                "zk.storage.data-dir = \"" + dir.resolve("data") + "\"",
                hocon, ""));
        return startFrom(dir, config);
    }

    static TlsServer startFrom(Path dir, Path config) throws StartupException {
        return new TlsServer(Launcher.start(LaunchOptions.parse("--config", config.toString(),
                "--plugins", dir.resolve("no-plugins").toString())));
    }

    InetSocketAddress clientAddress() {
        return running.server().clientAddress();
    }

    InetSocketAddress secureClientAddress() {
        return running.server().secureClientAddress().orElseThrow();
    }

    static String connectString(InetSocketAddress address) {
        return "127.0.0.1:" + address.getPort();
    }

    /** A port free now, for settings where 0 means "none" rather than "any". */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        running.stop();
    }
}
