package org.zkplatform.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.SnapshotWriter;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnLog;

class RetentionTest {

    @TempDir
    Path dir;

    /** Snapshots at 5, 10, 15, 20; log files starting at 1, 8, 12, 18. */
    private static void populate(FileStorage storage) throws StorageException {
        TxnLog log = storage.txnLog();
        long[] rolls = {8, 12, 18};
        int next = 0;
        for (long zxid = 1; zxid <= 22; zxid++) {
            if (next < rolls.length && zxid == rolls[next]) {
                log.roll();
                next++;
            }
            log.append(zxid, Txns.txn(zxid));
            log.commit();
            if (zxid % 5 == 0) {
                try (SnapshotWriter writer = storage.snapshots().create(zxid)) {
                    writer.commit();
                }
            }
        }
    }

    private List<Long> logStarts() throws StorageException {
        return LogFile.list(Txns.versionDir(dir)).stream().map(LogFile::startZxid).toList();
    }

    private static List<Long> snapshotZxids(FileStorage storage) throws StorageException {
        return storage.snapshots().list().stream().map(SnapshotInfo::zxid).toList();
    }

    @Test
    void keepsTheNewestSnapshotsAndTheLogsNeededToReplayFromTheOldestKept() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            populate(storage);
            assertEquals(List.of(1L, 8L, 12L, 18L), logStarts());

            // Snapshot 10 needs log.8: it starts at or below 10 and holds txns 8..11.
            assertEquals(2, storage.purge(3));

            assertEquals(List.of(20L, 15L, 10L), snapshotZxids(storage));
            assertEquals(List.of(8L, 12L, 18L), logStarts());
            assertEquals(Txns.range(10, 22), Txns.zxids(storage.txnLog(), 10));
            assertEquals(0, storage.purge(3));
        }
    }

    @Test
    void purgeFilesNamesWhatItDeleted() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            populate(storage);

            assertEquals(List.of(Txns.versionDir(dir).resolve("snapshot.5"), Txns.logFile(dir, 1)), storage.purgeFiles(3));
        }
    }

    @Test
    void keepsAtLeastThreeSnapshotsAsZooKeeperDoes() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            populate(storage);
            assertEquals(2, storage.purge(1));
            assertEquals(List.of(20L, 15L, 10L), snapshotZxids(storage));
        }
    }

    @Test
    void withFewerSnapshotsThanRetainedOnlyLogsBeforeTheOldestAreDeleted() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            populate(storage);
            assertEquals(0, storage.purge(10));
            assertEquals(List.of(20L, 15L, 10L, 5L), snapshotZxids(storage));
            // Snapshot 5 is held by log.1, the first: nothing can go.
            assertEquals(List.of(1L, 8L, 12L, 18L), logStarts());
        }
    }

    @Test
    void withoutSnapshotsNothingIsDeleted() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            Txns.append(storage.txnLog(), 1, 3);
            storage.txnLog().roll();
            Txns.append(storage.txnLog(), 4, 6);
            storage.txnLog().commit();
            assertEquals(0, storage.purge(3));
            assertEquals(List.of(1L, 4L), logStarts());
        }
    }
}
