package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.StorageException;

/**
 * ZooKeeper's purge rule (PurgeTxnLog): keep the newest snapshots and every log file needed to
 * replay from the oldest of them, delete the rest.
 */
final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** ZooKeeper refuses fewer (autopurge.snapRetainCount): a newest snapshot may prove unreadable. */
    static final int MIN_RETAIN = 3;

    private Retention() {
    }

    /**
     * Keeps the newest {@code max(retain, 3)} snapshots, and of the logs the one holding the
     * oldest kept snapshot's zxid (the last starting at or below it: it may hold txns after the
     * snapshot) and all later ones. With no snapshot at all nothing is deleted.
     *
     * @return the files deleted
     */
    static List<Path> purge(int retain, SnapshotFiles snapshots, Path snapshotDir, Path logDir) throws StorageException {
        List<SnapshotInfo> newestFirst = snapshots.list();
        List<Path> deleted = new ArrayList<>();
        if (newestFirst.isEmpty()) {
            return deleted;
        }
        long oldestKept = newestFirst.get(Math.min(Math.max(retain, MIN_RETAIN), newestFirst.size()) - 1).zxid();
        for (SnapshotInfo snapshot : newestFirst) {
            if (snapshot.zxid() < oldestKept) {
                delete(snapshotDir.resolve(snapshot.name()), deleted);
            }
        }
        List<LogFile> logs = LogFile.list(logDir);
        int needed = LogFile.holding(logs, oldestKept);
        for (int i = 0; i < needed; i++) {
            delete(logs.get(i).path(), deleted);
        }
        return deleted;
    }

    private static void delete(Path file, List<Path> deleted) throws StorageException {
        try {
            if (Files.deleteIfExists(file)) {
                LOG.info("Purged {}", file);
                deleted.add(file);
            }
        } catch (IOException e) {
            throw IoFailures.of("purge", file, e);
        }
    }
}
