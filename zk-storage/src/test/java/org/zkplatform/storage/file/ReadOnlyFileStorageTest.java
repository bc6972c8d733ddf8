package org.zkplatform.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.storage.EpochStore;
import org.zkplatform.api.storage.StorageException;

class ReadOnlyFileStorageTest {

    @TempDir
    Path dir;

    private static List<byte[]> txns(long from, long to) {
        List<byte[]> txns = new ArrayList<>();
        for (long zxid = from; zxid <= to; zxid++) {
            txns.add(Txns.txn(zxid));
        }
        return txns;
    }

    private ReadOnlyFileStorage openReadOnly() throws StorageException {
        return ReadOnlyFileStorage.open(Txns.config(dir), Txns.CONTEXT);
    }

    /** Every file under the data dir with its bytes, to prove nothing changed. */
    private List<String> snapshotOfFiles() throws IOException {
        List<String> state = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted().toList()) {
                state.add(file + (Files.isRegularFile(file) ? " " + Arrays.hashCode(Files.readAllBytes(file)) : ""));
            }
        }
        return state;
    }

    @Test
    void aTornTailIsReadUpToItsLastIntactTxnAndLeftOnDisk() throws Exception {
        RawLog.write(Txns.logFile(dir, 1), txns(1, 3));
        List<byte[]> later = txns(4, 6);
        Path last = Txns.logFile(dir, 4);
        RawLog.write(last, later);
        long cut = RawLog.offsetOf(later, 2) + 20;
        byte[] whole = Files.readAllBytes(last);
        Files.write(last, Arrays.copyOf(whole, (int) cut));
        List<String> before = snapshotOfFiles();

        try (ReadOnlyFileStorage storage = openReadOnly()) {
            assertEquals(5, storage.txnLog().lastZxid());
            assertEquals(Txns.range(1, 5), Txns.zxids(storage.txnLog(), 0));
            assertEquals(Txns.range(4, 5), Txns.zxids(storage.txnLog(), 4));
            assertEquals(List.of(Txns.logFile(dir, 1), last), storage.logFiles());
            List<String> repairs = storage.tailRepairs();
            assertEquals(1, repairs.size(), repairs.toString());
            assertTrue(repairs.get(0).startsWith(last + ": an entry of "), repairs.get(0));
            assertTrue(repairs.get(0).contains("at offset " + RawLog.offsetOf(later, 2) + "; opening would cut the file from "
                    + cut + " to " + RawLog.offsetOf(later, 2) + " bytes, keeping txns 0x4..0x5"), repairs.get(0));
        }

        assertEquals(before, snapshotOfFiles(), "a read-only open changed the data dir");
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            assertEquals(Txns.range(1, 5), Txns.zxids(storage.txnLog(), 0), "the server's open keeps the same txns");
        }
    }

    @Test
    void trailingFilesWithoutATxnAreSkippedNotDeleted() throws Exception {
        RawLog.write(Txns.logFile(dir, 1), txns(1, 2));
        Path headerOnly = Txns.logFile(dir, 3);
        RawLog.write(headerOnly, List.of());
        Path torn = Txns.logFile(dir, 4);
        Files.write(torn, new byte[] {0x5A, 0x4B});

        try (ReadOnlyFileStorage storage = openReadOnly()) {
            assertEquals(Txns.range(1, 2), Txns.zxids(storage.txnLog(), 0));
            assertEquals(2, storage.txnLog().lastZxid());
            assertEquals(1, storage.tailRepairs().size(), "a clean empty file is no damage: " + storage.tailRepairs());
            assertTrue(storage.tailRepairs().get(0).contains("opening would delete the file (2 bytes)"),
                    storage.tailRepairs().get(0));
        }
        assertTrue(Files.exists(headerOnly) && Files.exists(torn));
    }

    @Test
    void createsNothingAndTakesNoLock() throws Exception {
        StorageException missing = assertThrows(StorageException.class, this::openReadOnly);
        assertTrue(missing.getMessage().contains("holds no version-2 directory"), missing.getMessage());
        assertEquals(List.of(dir), snapshotOfFiles().stream().map(Path::of).toList());

        try (FileStorage server = Txns.open(Txns.config(dir));
                ReadOnlyFileStorage storage = openReadOnly()) {
            server.txnLog().append(1, Txns.txn(1));
            server.txnLog().commit();
            assertEquals(List.of(1L), Txns.zxids(storage.txnLog(), 0), "readable while a server holds the lock");
        }
    }

    @Test
    void everyWriteIsRefused() throws Exception {
        RawLog.write(Txns.logFile(dir, 1), txns(1, 1));
        try (ReadOnlyFileStorage storage = openReadOnly()) {
            assertThrows(StorageException.class, () -> storage.txnLog().append(2, Txns.txn(2)));
            assertThrows(StorageException.class, () -> storage.txnLog().truncateAfter(0));
            assertThrows(StorageException.class, () -> storage.txnLog().roll());
            assertThrows(StorageException.class, () -> storage.snapshots().create(1));
            assertThrows(StorageException.class, () -> storage.epochs().write(EpochStore.EpochKind.CURRENT, 1));
            assertThrows(StorageException.class, () -> storage.purge(3));
        }
        assertArrayEquals(RawLog.bytes(LogFormat.MAGIC, LogFormat.VERSION, txns(1, 1)),
                Files.readAllBytes(Txns.logFile(dir, 1)));
    }

    @Test
    void aDamagedHeaderBeforeTheLastFileFailsAsTheServersOpenDoes() throws Exception {
        Path first = Txns.logFile(dir, 1);
        RawLog.write(first, txns(1, 2));
        Files.write(first, new byte[4]);
        RawLog.write(Txns.logFile(dir, 3), txns(3, 4));

        StorageException e = assertThrows(StorageException.class, this::openReadOnly);
        assertTrue(e.getMessage().contains("it is not the last txn log"), e.getMessage());
    }
}
