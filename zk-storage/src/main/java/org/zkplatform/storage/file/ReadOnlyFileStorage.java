package org.zkplatform.storage.file;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.zkplatform.api.storage.EpochStore;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.SnapshotStore;
import org.zkplatform.api.storage.SnapshotWriter;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageContext;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnLog;

/**
 * The file storage opened only to look, for {@code zk-tool check}: nothing is created, locked,
 * cut or deleted, yet the log reads back exactly the txns that {@link FileStorage#open} would
 * keep, since a torn tail is read up to its last intact txn instead of being cut. Every method
 * that would write throws.
 */
public final class ReadOnlyFileStorage implements Storage {

    private final FileStorageConfig config;
    private final Path logDir;
    private final TailRecovery.Tail tail;
    private final TxnLog txnLog;
    private final SnapshotStore snapshots;
    private final EpochStore epochs;

    private ReadOnlyFileStorage(FileStorageConfig config, Path snapshotDir, Path logDir, TailRecovery.Tail tail,
            StorageContext context) {
        this.config = config;
        this.logDir = logDir;
        this.tail = tail;
        this.txnLog = new ReadOnlyTxnLog(logDir, tail, config.maxTxnBytes(), context.txnCodec());
        this.snapshots = new ReadOnlySnapshots(new SnapshotFiles(snapshotDir, config.snapshotCompression()));
        this.epochs = new ReadOnlyEpochs(new EpochFiles(snapshotDir));
    }

    /**
     * Opens the directories of {@code config} without taking their locks.
     *
     * @throws StorageException if a directory has no {@code version-2}, or for what would fail
     *     {@link FileStorage#open}: a damaged or foreign txn log before the last one
     */
    public static ReadOnlyFileStorage open(FileStorageConfig config, StorageContext context) throws StorageException {
        Path snapshotDir = VersionDir.existing("data dir", config.dataDir());
        Path logDir = config.dataLogDir().equals(config.dataDir())
                ? snapshotDir : VersionDir.existing("data log dir", config.dataLogDir());
        TailRecovery.Tail tail = TailRecovery.inspect(logDir, config.maxTxnBytes(), context.txnCodec());
        return new ReadOnlyFileStorage(config, snapshotDir, logDir, tail, context);
    }

    /** Every txn log file, oldest first. */
    public List<Path> logFiles() throws StorageException {
        return LogFile.list(logDir).stream().map(LogFile::path).toList();
    }

    /** One line per file that {@link FileStorage#open} would cut or delete as a torn tail: where, why, how many bytes. */
    public List<String> tailRepairs() {
        return tail.notes(false);
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

    @Override
    public int purge(int retainSnapshots) throws StorageException {
        throw readOnly(describe());
    }

    @Override
    public String describe() {
        return FileStorage.describe(config);
    }

    @Override
    public void close() {
        // No lock is taken and no file is held open.
    }

    private static StorageException readOnly(String what) {
        return new StorageException(what + " is open read-only");
    }

    /** Lists and reads snapshots; writing one throws. */
    private record ReadOnlySnapshots(SnapshotFiles files) implements SnapshotStore {

        @Override
        public SnapshotWriter create(long zxid) throws StorageException {
            throw readOnly("the snapshot store");
        }

        @Override
        public List<SnapshotInfo> list() throws StorageException {
            return files.list();
        }

        @Override
        public InputStream open(SnapshotInfo snapshot) throws StorageException {
            return files.open(snapshot);
        }

        @Override
        public int deleteNewerThan(long zxid) throws StorageException {
            throw readOnly("the snapshot store");
        }
    }

    /** Reads the epoch files; writing one throws. */
    private record ReadOnlyEpochs(EpochFiles files) implements EpochStore {

        @Override
        public OptionalLong read(EpochKind kind) throws StorageException {
            return files.read(kind);
        }

        @Override
        public void write(EpochKind kind, long epoch) throws StorageException {
            throw readOnly("the epoch files");
        }
    }
}
