package org.zkplatform.storage.file;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.zkplatform.api.Settings;

/**
 * Settings of the {@code file} storage.
 *
 * @param dataDir ZooKeeper's dataDir: snapshots and epoch files; absolute
 * @param dataLogDir ZooKeeper's dataLogDir: txn logs; absolute, equal to {@code dataDir} unless set
 * @param fsync fsync the txn log on commit (ZooKeeper's forceSync); false risks acknowledged writes
 * @param preallocateBytes txn log files grow in blocks of this many zero bytes; 0 turns preallocation off
 * @param logRollBytes start a new log file once the current one holds this many bytes
 * @param maxTxnBytes the longest txn accepted and read back; a longer length marks a damaged entry
 * @param snapshotCompression how new snapshots are stored
 */
public record FileStorageConfig(
        Path dataDir, Path dataLogDir, boolean fsync, long preallocateBytes, long logRollBytes, int maxTxnBytes,
        SnapshotCompression snapshotCompression) {

    static final long DEFAULT_PREALLOCATE_BYTES = 64L << 20;
    static final long DEFAULT_LOG_ROLL_BYTES = 1L << 30;
    /** Twice jute.maxbuffer (1 MiB), plus 64 KiB for the txn header, path and expanded ACLs. */
    static final int DEFAULT_MAX_TXN_BYTES = (2 << 20) + (64 << 10);

    private static final long MAX_PREALLOCATE_BYTES = 1L << 30;
    private static final long MIN_LOG_ROLL_BYTES = 1L << 20;
    private static final int MIN_MAX_TXN_BYTES = 1 << 10;
    private static final int MAX_MAX_TXN_BYTES = 1 << 30;

    public FileStorageConfig {
        Objects.requireNonNull(dataDir, "dataDir is null");
        Objects.requireNonNull(dataLogDir, "dataLogDir is null");
        Objects.requireNonNull(snapshotCompression, "snapshotCompression is null");
    }

    /** The defaults, with the txn log in the data dir. */
    public static FileStorageConfig defaults(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new FileStorageConfig(dir, dir, true, DEFAULT_PREALLOCATE_BYTES, DEFAULT_LOG_ROLL_BYTES, DEFAULT_MAX_TXN_BYTES,
                SnapshotCompression.NONE);
    }

    /**
     * Reads the section {@code zk.storage}: {@code data-dir}, {@code data-log-dir} (empty or absent:
     * the data dir) and the sub-section {@code file}, whose absent keys keep their defaults.
     * Relative paths resolve against the working directory.
     *
     * @throws org.zkplatform.api.SettingsException naming the key if a value is missing or out of range
     */
    public static FileStorageConfig from(Settings storage) {
        Path dataDir = path(storage, "data-dir");
        Path dataLogDir = storage.has("data-log-dir") && !storage.getString("data-log-dir").isBlank()
                ? path(storage, "data-log-dir") : dataDir;
        Settings file = storage.section("file");
        FileStorageConfig d = defaults(dataDir);
        boolean fsync = file.has("fsync") ? file.getBoolean("fsync") : d.fsync();
        long preallocate = file.has("preallocate-size")
                ? bytes(file, "preallocate-size", 0, MAX_PREALLOCATE_BYTES) : d.preallocateBytes();
        long roll = file.has("log-roll-size") ? bytes(file, "log-roll-size", MIN_LOG_ROLL_BYTES, Long.MAX_VALUE) : d.logRollBytes();
        int maxTxn = file.has("max-txn-bytes")
                ? (int) bytes(file, "max-txn-bytes", MIN_MAX_TXN_BYTES, MAX_MAX_TXN_BYTES) : d.maxTxnBytes();
        SnapshotCompression compression = file.has("snapshot-compression")
                ? compression(file.getChoice("snapshot-compression", settingNames())) : d.snapshotCompression();
        return new FileStorageConfig(dataDir, dataLogDir, fsync, preallocate, roll, maxTxn, compression);
    }

    private static Path path(Settings settings, String key) {
        String value = settings.getString(key);
        if (value.isBlank()) {
            throw settings.invalid(key, value, "a directory path");
        }
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw settings.invalid(key, value, "a directory path (" + e.getReason() + ")");
        }
    }

    private static long bytes(Settings settings, String key, long min, long max) {
        long value = settings.getBytes(key);
        if (value < min || value > max) {
            throw settings.invalid(key, value, "a size from " + min + " to " + max + " bytes");
        }
        return value;
    }

    private static Set<String> settingNames() {
        return Arrays.stream(SnapshotCompression.values()).map(SnapshotCompression::setting).collect(Collectors.toSet());
    }

    private static SnapshotCompression compression(String setting) {
        return Arrays.stream(SnapshotCompression.values()).filter(c -> c.setting().equals(setting)).findFirst().orElseThrow();
    }
}
