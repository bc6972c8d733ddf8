package org.zkplatform.storage.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.SnapshotStore;
import org.zkplatform.api.storage.SnapshotWriter;
import org.zkplatform.api.storage.StorageException;

/**
 * Snapshots as ZooKeeper names them: {@code snapshot.<hex zxid>}, plus {@code .gz} when
 * compressed. The name alone says how to decode a file, whatever {@code snapshot-compression}
 * says now, so snapshots written under another setting (or by ZooKeeper) stay readable.
 *
 * <p>A snapshot is written to {@code tmp.snapshot.<hex zxid>} and renamed when committed. That
 * name is deliberately not {@code snapshot.*}: ZooKeeper takes any {@code snapshot.*} file for a
 * snapshot, and would load an uncommitted one if the data dir were handed back to it.
 *
 * <p>Thread-safety: no mutable state is shared, so snapshots may be written on one thread while
 * others list or read them.
 */
final class SnapshotFiles implements SnapshotStore {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFiles.class);
    private static final Pattern NAME = Pattern.compile("snapshot\\.([0-9a-fA-F]{1,16})(\\.gz|\\.snappy)?");
    private static final String TEMP_PREFIX = "tmp.";
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path dir;
    private final SnapshotCompression compression;

    SnapshotFiles(Path dir, SnapshotCompression compression) {
        this.dir = dir;
        this.compression = compression;
    }

    /** Deletes snapshots left half-written by a crash; none can be in progress while the storage opens. */
    void deleteAbandoned() throws StorageException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path path : (Iterable<Path>) entries::iterator) {
                if (path.getFileName().toString().startsWith(TEMP_PREFIX + "snapshot.")) {
                    Files.deleteIfExists(path);
                    LOG.info("Deleted {}, a snapshot left unfinished by an earlier run", path);
                }
            }
        } catch (IOException e) {
            throw IoFailures.of("clean unfinished snapshots in", dir, e);
        }
    }

    @Override
    public SnapshotWriter create(long zxid) throws StorageException {
        String name = "snapshot." + Long.toHexString(zxid) + compression.suffix();
        Path temp = dir.resolve(TEMP_PREFIX + "snapshot." + Long.toHexString(zxid));
        try {
            return new SnapshotFileWriter(zxid, temp, dir.resolve(name), compression);
        } catch (IOException e) {
            throw IoFailures.of("create snapshot", temp, e);
        }
    }

    @Override
    public List<SnapshotInfo> list() throws StorageException {
        List<SnapshotInfo> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path path : (Iterable<Path>) entries::iterator) {
                String name = path.getFileName().toString();
                long zxid = zxidOf(name);
                if (zxid >= 0) {
                    try {
                        found.add(new SnapshotInfo(zxid, name, Files.size(path)));
                    } catch (NoSuchFileException e) {
                        // Purged between listing and sizing: it is gone, so it is not listed.
                    }
                }
            }
        } catch (IOException e) {
            throw IoFailures.of("list snapshots in", dir, e);
        }
        found.sort(Comparator.comparingLong(SnapshotInfo::zxid).reversed().thenComparing(SnapshotInfo::name));
        return found;
    }

    @Override
    public int deleteNewerThan(long zxid) throws StorageException {
        int deleted = 0;
        for (SnapshotInfo snapshot : list()) {
            if (snapshot.zxid() > zxid) {
                Path path = dir.resolve(snapshot.name());
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw IoFailures.of("delete snapshot", path, e);
                }
                LOG.info("Deleted {}: it holds txns after 0x{}, which were cut from the log", path,
                        Long.toHexString(zxid));
                deleted++;
            }
        }
        if (deleted > 0) {
            VersionDir.fsync(dir);
        }
        return deleted;
    }

    /**
     * {@inheritDoc}
     *
     * @throws StorageException for a {@code .snappy} snapshot (ZooKeeper's snappy mode needs a
     *     native library that this provider does not ship) or an unreadable file
     */
    @Override
    public InputStream open(SnapshotInfo snapshot) throws StorageException {
        String name = snapshot.name();
        if (zxidOf(name) < 0) {
            throw new StorageException(name + " is not a snapshot name");
        }
        Path path = dir.resolve(name);
        if (name.endsWith(".snappy")) {
            throw new StorageException(path + ": snappy snapshots are not supported; have ZooKeeper write a new snapshot"
                    + " with zookeeper.snapshot.compression.method = gz or unset");
        }
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(path, StandardOpenOption.READ), BUFFER_BYTES);
            return name.endsWith(".gz") ? new GZIPInputStream(in, BUFFER_BYTES) : in;
        } catch (IOException e) {
            closeQuietly(in);
            throw IoFailures.of("read snapshot", path, e);
        }
    }

    /** The zxid of a committed snapshot's file name (its 2nd dot-separated field), or -1 if the name is not one. */
    private static long zxidOf(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return -1;
        }
        try {
            return Long.parseLong(m.group(1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing a snapshot stream failed", e);
        }
    }
}
