package org.zkplatform.dist.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import org.zkplatform.api.SettingsException;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.storage.file.FileStorageConfig;
import org.zkplatform.storage.file.FileStorageProvider;
import org.zkplatform.storage.file.ReadOnlyFileStorage;
import org.zkplatform.zab.persistence.DatabaseSummary;

/**
 * {@code zk-tool check [config]}: whether a server would start from its data dir and serve
 * everything, found by loading the data exactly as the server does, without starting one and
 * without changing a byte. The {@code file} storage is opened read-only, with a report of every
 * snapshot, every log file and the torn tail; another storage has no read-only mode, so it is
 * opened as the server opens it and only its snapshots are reported.
 */
final class Check implements ToolCommand {

    private final Path configFile;
    private final Path pluginDir;

    Check(Path configFile, Path pluginDir) {
        this.configFile = configFile;
        this.pluginDir = pluginDir;
    }

    @Override
    public ToolExit run(PrintStream out) throws ToolException {
        ToolConfig config = ToolConfig.load(configFile, pluginDir);
        // As the server loads: a field of a snapshot may be as long as a request plus ZooKeeper's slack.
        int maxFieldBytes = 2 * config.settings().clientPort().maxFrameBytes();
        Storage storage;
        try {
            storage = open(config, out);
        } catch (StorageException e) {
            // The server's words for the same failure: a missing data dir, a log it cannot recover.
            out.println("result: cannot open the storage: " + e.getMessage());
            return ToolExit.UNREADABLE;
        }
        try (storage) {
            out.println("storage: " + storage.describe());
            boolean damaged = SnapshotsReport.print(storage, maxFieldBytes, out);
            if (storage instanceof ReadOnlyFileStorage files) {
                damaged |= LogsReport.print(files, fileConfig(config).maxTxnBytes(), out);
            }
            DatabaseSummary database = DatabaseSummary.load(storage, maxFieldBytes);
            out.println("database: zxid " + Zxid.toHex(database.lastZxid()) + ", " + Counts.of(database.nodes(), "node") + ", "
                    + Counts.of(database.sessions(), "session"));
            if (damaged) {
                out.println("result: damage found; the server would start, working around it");
                return ToolExit.DAMAGED;
            }
            out.println("result: ok; the server would start and serve everything");
            return ToolExit.OK;
        } catch (StorageException e) {
            out.println("result: the server could not start: " + e.getMessage());
            return ToolExit.UNREADABLE;
        }
    }

    private static Storage open(ToolConfig config, PrintStream out) throws StorageException, ToolException {
        if (config.storage() instanceof FileStorageProvider) {
            return ReadOnlyFileStorage.open(fileConfig(config), config.storageContext());
        }
        out.println("note: storage '" + config.storage().name() + "' has no read-only mode; opened it as the server does");
        try {
            return config.storage().open(config.storageSettings(), config.storageContext());
        } catch (SettingsException e) {
            throw new ToolException(ToolExit.USAGE, e.getMessage());
        }
    }

    private static FileStorageConfig fileConfig(ToolConfig config) throws ToolException {
        try {
            return FileStorageConfig.from(config.storageSettings());
        } catch (SettingsException e) {
            throw new ToolException(ToolExit.USAGE, e.getMessage());
        }
    }
}
