package org.zkplatform.dist.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.zkplatform.api.SettingsException;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.storage.file.DirInUseException;
import org.zkplatform.storage.file.FileStorage;

/**
 * {@code zk-tool purge [config] [--retain N]}: deletes the snapshots beyond the newest N and the
 * txn logs only they needed, with the storage's own purge (ZooKeeper's rule), and lists what it
 * deleted. Opens the storage as the server does, so its lock keeps purge away from a running
 * server, and a torn log tail is cut as at a server's start.
 */
final class Purge implements ToolCommand {

    private final Path configFile;
    private final Path pluginDir;
    private final OptionalInt retain;

    /** @param retain snapshots to keep; empty for {@code zk.snapshot.retain-count} */
    Purge(Path configFile, Path pluginDir, OptionalInt retain) {
        this.configFile = configFile;
        this.pluginDir = pluginDir;
        this.retain = retain;
    }

    @Override
    public ToolExit run(PrintStream out) throws ToolException {
        ToolConfig config = ToolConfig.load(configFile, pluginDir);
        int keep = retain.orElse(config.settings().snapshots().retainCount());
        try (Storage storage = open(config)) {
            int deleted;
            if (storage instanceof FileStorage files) {
                List<Path> paths = files.purgeFiles(keep);
                paths.forEach(path -> out.println("deleted " + path));
                deleted = paths.size();
            } else {
                deleted = storage.purge(keep);
            }
            out.println("purged " + storage.describe() + ": deleted " + Counts.of(deleted, "file") + ", retaining the newest " + keep
                    + " snapshots and the logs they need");
            return ToolExit.OK;
        } catch (StorageException e) {
            throw new ToolException(ToolExit.UNREADABLE, "purge failed: " + e.getMessage());
        }
    }

    private static Storage open(ToolConfig config) throws ToolException {
        try {
            return config.storage().open(config.storageSettings(), config.storageContext());
        } catch (DirInUseException e) {
            throw new ToolException(ToolExit.USAGE, "cannot purge while a server runs: " + e.getMessage()
                    + "; stop the server first, or let it purge itself (zk.snapshot.purge-interval)");
        } catch (StorageException e) {
            throw new ToolException(ToolExit.UNREADABLE, "cannot open the storage: " + e.getMessage());
        } catch (SettingsException e) {
            throw new ToolException(ToolExit.USAGE, e.getMessage());
        }
    }
}
