package org.zkplatform.dist.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.zkplatform.dist.LaunchOptions;
import org.zkplatform.dist.Launcher;
import org.zkplatform.dist.StartupException;

/** Our server, composed by the real launcher inside the test JVM (providers come from the class path). */
public final class ZkPlatformServer implements ServerUnderTest {

    private final Launcher.Running running;

    private ZkPlatformServer(Launcher.Running running) {
        this.running = running;
    }

    /** Starts a standalone server keeping its files under {@code dir}. */
    public static ZkPlatformServer start(Path dir, ServerOptions options) {
        try {
            Files.createDirectories(dir);
            String words = options.fourLetterWords().stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", "));
            Path config = Files.writeString(dir.resolve("zk.conf"), String.join("\n",
                    "zk.server.tick-time = " + options.tickTimeMillis() + "ms",
                    "zk.server.extended-types = " + options.extendedTypes(),
                    "zk.client { address = \"127.0.0.1\", port = 0, four-letter-words = [" + words + "] }",
                    "zk.admin.enabled = false",
                    "zk.auth.digest.super-digest = \"" + options.superDigest() + "\"",
                    "zk.storage.data-dir = \"" + dir.resolve("data") + "\"",
                    ""));
            return new ZkPlatformServer(Launcher.start(LaunchOptions.parse("--config", config.toString(),
                    "--plugins", dir.resolve("no-plugins").toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StartupException e) {
            throw new IllegalStateException("zkplatform did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String kind() {
        return "zkplatform";
    }

    @Override
    public InetSocketAddress clientAddress() {
        return running.server().clientAddress();
    }

    @Override
    public void close() {
        running.stop();
    }
}
