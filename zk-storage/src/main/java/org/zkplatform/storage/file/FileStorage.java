package org.zkplatform.storage.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zkplatform.api.storage.EpochStore;
import org.zkplatform.api.storage.SnapshotStore;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageContext;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnLog;

/**
 * Storage in ZooKeeper's data directories. Opening creates {@code version-2} where missing, locks
 * the directories against a second server, deletes unfinished snapshots and recovers the txn
 * log's tail. {@link ReadOnlyFileStorage} does none of that, for tools that only look.
 */
public final class FileStorage implements Storage {

    private final FileStorageConfig config;
    private final List<DirLock> locks;
    private final Path snapshotDir;
    private final Path logDir;
    private final TxnLogFiles txnLog;
    private final SnapshotFiles snapshots;
    private final EpochFiles epochs;

    private FileStorage(FileStorageConfig config, List<DirLock> locks, Path snapshotDir, Path logDir, TxnLogFiles txnLog,
            SnapshotFiles snapshots) {
        this.config = config;
        this.locks = locks;
        this.snapshotDir = snapshotDir;
        this.logDir = logDir;
        this.txnLog = txnLog;
        this.snapshots = snapshots;
        this.epochs = new EpochFiles(snapshotDir);
    }

    public static FileStorage open(FileStorageConfig config, StorageContext context) throws StorageException {
        return open(config, context, ChannelOpener.DEFAULT);
    }

    static FileStorage open(FileStorageConfig config, StorageContext context, ChannelOpener opener) throws StorageException {
        List<DirLock> locks = new ArrayList<>();
        try {
            Path snapshotDir = VersionDir.prepare("data dir", config.dataDir());
            locks.add(DirLock.acquire("data dir", config.dataDir(), snapshotDir));
            Path logDir = snapshotDir;
            if (!config.dataLogDir().equals(config.dataDir())) {
                logDir = VersionDir.prepare("data log dir", config.dataLogDir());
                locks.add(DirLock.acquire("data log dir", config.dataLogDir(), logDir));
            }
            SnapshotFiles snapshots = new SnapshotFiles(snapshotDir, config.snapshotCompression());
            snapshots.deleteAbandoned();
            TxnLogFiles txnLog = TxnLogFiles.open(logDir, config, context.txnCodec(), opener);
            return new FileStorage(config, locks, snapshotDir, logDir, txnLog, snapshots);
        } catch (StorageException | RuntimeException e) {
            locks.forEach(DirLock::close);
            throw e;
        }
    }

    @Override
    public TxnLog txnLog() {
        return txnLog;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public EpochStore epochs() {
        return epochs;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Keeps at least 3 snapshots whatever {@code retainSnapshots} says, ZooKeeper's minimum,
     * since the newest snapshot may turn out unreadable. Keeps the log file holding the oldest kept
     * snapshot's zxid (the last one starting at or below it) and all later ones. Safe to call from a
     * background thread while the log is appended: the file being appended is always kept.
     */
    @Override
    public int purge(int retainSnapshots) throws StorageException {
        return purgeFiles(retainSnapshots).size();
    }

    /** {@link #purge}, returning the files it deleted, for {@code zk-tool purge} to list them. */
    public List<Path> purgeFiles(int retainSnapshots) throws StorageException {
        return Retention.purge(retainSnapshots, snapshots, snapshotDir, logDir);
    }

    @Override
    public String describe() {
        return describe(config);
    }

    static String describe(FileStorageConfig config) {
        if (config.dataLogDir().equals(config.dataDir())) {
            return "file " + config.dataDir();
        }
        return "file " + config.dataDir() + " (log " + config.dataLogDir() + ")";
    }

    /** Closes the txn log (flushing, not fsyncing, uncommitted appends) and releases the directory locks. */
    @Override
    public void close() {
        txnLog.close();
        locks.forEach(DirLock::close);
    }
}
