package org.zkplatform.storage.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.storage.EpochStore.EpochKind;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.SnapshotWriter;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnCursor;

class MemoryStorageTest {

    private final MemoryStorage storage = new MemoryStorage();

    @Test
    void aCrashKeepsCommittedTxnsAndLosesTheRest() throws Exception {
        storage.append(1, new byte[] {1});
        storage.append(2, new byte[] {2});
        storage.commit();
        storage.append(3, new byte[] {3});

        storage.crash();

        assertEquals(List.of(1L, 2L), zxids(storage.readFrom(0)));
        assertEquals(2, storage.lastZxid());
    }

    @Test
    void refusesZxidsThatDoNotIncrease() throws Exception {
        storage.append(5, new byte[0]);
        StorageException e = assertThrows(StorageException.class, () -> storage.append(5, new byte[0]));
        assertEquals("zxid 0x5 does not follow 0x5", e.getMessage());
    }

    @Test
    void truncatesAnAbandonedBranch() throws Exception {
        for (long z = 1; z <= 5; z++) {
            storage.append(z, new byte[] {(byte) z});
        }
        storage.truncateAfter(3);
        assertEquals(List.of(2L, 3L), zxids(storage.readFrom(2)));
    }

    @Test
    void snapshotsAreVisibleOnlyOnceCommittedAndListNewestFirst() throws Exception {
        try (SnapshotWriter aborted = storage.create(7)) {
            aborted.stream().write(9);
        }
        for (long zxid : new long[] {3, 10}) {
            SnapshotWriter writer = storage.create(zxid);
            writer.stream().write(new byte[] {(byte) zxid});
            writer.commit();
        }

        assertEquals(List.of(10L, 3L), storage.list().stream().map(s -> s.zxid()).toList());
        try (InputStream in = storage.open(storage.list().get(0))) {
            assertArrayEquals(new byte[] {10}, in.readAllBytes());
        }
    }

    @Test
    void purgeKeepsTheNewestSnapshotsAndTheLogTheyNeed() throws Exception {
        for (long z = 1; z <= 9; z++) {
            storage.append(z, new byte[0]);
            if (z % 3 == 0) {
                storage.create(z).commit();
            }
        }
        storage.commit();

        assertEquals(1, storage.purge(2));

        assertEquals(List.of(9L, 6L), storage.list().stream().map(s -> s.zxid()).toList());
        assertEquals(List.of(6L, 7L, 8L, 9L), zxids(storage.readFrom(0)));
    }

    @Test
    void epochsStartAbsent() throws Exception {
        assertEquals(OptionalLong.empty(), storage.read(EpochKind.ACCEPTED));
        storage.write(EpochKind.ACCEPTED, 4);
        assertEquals(OptionalLong.of(4), storage.read(EpochKind.ACCEPTED));
        assertEquals(OptionalLong.empty(), storage.read(EpochKind.CURRENT));
    }

    private static List<Long> zxids(TxnCursor cursor) throws StorageException {
        List<Long> zxids = new ArrayList<>();
        for (LoggedTxn txn = cursor.next(); txn != null; txn = cursor.next()) {
            zxids.add(txn.zxid());
        }
        assertNull(cursor.next());
        return zxids;
    }
}
