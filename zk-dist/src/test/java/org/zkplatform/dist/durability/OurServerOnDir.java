package org.zkplatform.dist.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zkplatform.dist.LaunchOptions;
import org.zkplatform.dist.Launcher;
import org.zkplatform.dist.StartupException;

/**
 * Our server in the test JVM on a data dir of the test's choosing (the compat fixture picks its
 * own), so it can open a data dir Apache ZooKeeper wrote, and leave one for Apache to open.
 */
final class OurServerOnDir implements AutoCloseable {

    private final Launcher.Running running;

    private OurServerOnDir(Launcher.Running running) {
        this.running = running;
    }

    /**
     * Starts a standalone server keeping its data in {@code dataDir} (its files go in
     * {@code dataDir/version-2}, as ZooKeeper's do), its config in {@code work}.
     *
     * @param extraConfig further HOCON lines, for example {@code zk.snapshot.count = 100}
     */
    static OurServerOnDir start(Path dataDir, Path work, String... extraConfig) {
        try {
            Files.createDirectories(work);
            List<String> lines = new ArrayList<>(List.of(
                    "zk.server.tick-time = 2000ms",
                    "zk.client { address = \"127.0.0.1\", port = 0, four-letter-words = [\"*\"] }",
                    "zk.admin.enabled = false",
                    "zk.storage.data-dir = \"" + dataDir + "\""));
            lines.addAll(List.of(extraConfig));
            lines.add("");
            Path config = Files.writeString(Files.createTempFile(work, "zk-", ".conf"), String.join("\n", lines));
            return new OurServerOnDir(Launcher.start(LaunchOptions.parse("--config", config.toString(),
                    "--plugins", work.resolve("no-plugins").toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StartupException e) {
            throw new AssertionError("zkplatform did not start on " + dataDir + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return running.server().clientAddress().getPort();
    }

    @Override
    public void close() {
        running.stop();
    }
}
