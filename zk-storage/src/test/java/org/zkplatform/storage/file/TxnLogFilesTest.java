package org.zkplatform.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnLog;

class TxnLogFilesTest {

    @TempDir
    Path dir;

    @Test
    void txnsSurviveCloseAndReopenInOrderAndByteForByte() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            for (long zxid = 1; zxid <= 200; zxid++) {
                // One txn larger than the write buffer goes around it.
                storage.txnLog().append(zxid, Txns.txn(zxid, zxid == 100 ? 200_000 : (int) zxid));
            }
            storage.txnLog().commit();
        }
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            List<LoggedTxn> txns = Txns.readAll(storage.txnLog(), 0);
            assertEquals(200, txns.size());
            for (int i = 0; i < txns.size(); i++) {
                long zxid = i + 1;
                assertEquals(zxid, txns.get(i).zxid());
                assertArrayEquals(Txns.txn(zxid, zxid == 100 ? 200_000 : (int) zxid), txns.get(i).bytes());
            }
            assertEquals(200, storage.txnLog().lastZxid());
            assertNull(((TxnLogFiles) storage.txnLog()).recoveryWarning());
        }
    }

    @Test
    void readFromStartsAtTheGivenZxidOrTheNextOneAbove() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            for (long zxid = 2; zxid <= 20; zxid += 2) {
                storage.txnLog().append(zxid, Txns.txn(zxid));
            }
            storage.txnLog().commit();
            assertEquals(List.of(10L, 12L, 14L, 16L, 18L, 20L), Txns.zxids(storage.txnLog(), 10));
            assertEquals(List.of(12L, 14L, 16L, 18L, 20L), Txns.zxids(storage.txnLog(), 11));
            assertEquals(List.of(), Txns.zxids(storage.txnLog(), 21));
        }
    }

    @Test
    void readsAcrossRolledFilesStartingInTheFileHoldingTheZxid() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            TxnLog log = storage.txnLog();
            Txns.append(log, 1, 10);
            log.roll();
            Txns.append(log, 11, 20);
            log.roll();
            log.roll();
            Txns.append(log, 21, 30);
            log.commit();
        }
        assertTrue(Files.exists(Txns.logFile(dir, 1)));
        assertTrue(Files.exists(Txns.logFile(dir, 0xb)));
        assertTrue(Files.exists(Txns.logFile(dir, 0x15)));
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            assertEquals(Txns.range(1, 30), Txns.zxids(storage.txnLog(), 0));
            assertEquals(Txns.range(15, 30), Txns.zxids(storage.txnLog(), 15));
            assertEquals(Txns.range(21, 30), Txns.zxids(storage.txnLog(), 21));
            assertEquals(30, storage.txnLog().lastZxid());
        }
    }

    @Test
    void rollsToANewFileOnceTheCurrentOneReachesTheRollSize() throws Exception {
        FileStorageConfig d = Txns.config(dir);
        FileStorageConfig config = new FileStorageConfig(d.dataDir(), d.dataLogDir(), true, d.preallocateBytes(), 1 << 20,
                d.maxTxnBytes(), d.snapshotCompression());
        try (FileStorage storage = Txns.open(config)) {
            for (long zxid = 1; zxid <= 25; zxid++) {
                storage.txnLog().append(zxid, Txns.txn(zxid, 100_000));
            }
            storage.txnLog().commit();
            assertEquals(Txns.range(1, 25), Txns.zxids(storage.txnLog(), 0));
        }
        // 11 txns of 100 KB pass 1 MiB: files start at 1, 12 and 23.
        assertEquals(List.of(1L, 12L, 23L), LogFile.list(Txns.versionDir(dir)).stream().map(LogFile::startZxid).toList());
    }

    @Test
    void eachOpenStartsANewFileAtItsFirstAppend() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            Txns.append(storage.txnLog(), 1, 3);
            storage.txnLog().commit();
        }
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            Txns.append(storage.txnLog(), 4, 5);
            storage.txnLog().commit();
            assertEquals(Txns.range(1, 5), Txns.zxids(storage.txnLog(), 0));
        }
        assertTrue(Files.exists(Txns.logFile(dir, 4)));
    }

    @Test
    void refusesZxidsThatDoNotIncrease() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            storage.txnLog().append(5, Txns.txn(5));
            StorageException e = assertThrows(StorageException.class, () -> storage.txnLog().append(5, Txns.txn(5)));
            assertEquals("zxid 0x5 does not follow 0x5", e.getMessage());
            // A refused append leaves the log usable.
            storage.txnLog().append(6, Txns.txn(6));
        }
    }

    @Test
    void refusesTxnsThatCannotBeReadBack() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            TxnLog log = storage.txnLog();
            assertThrows(IllegalArgumentException.class, () -> log.append(1, new byte[0]));
            IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class, () -> log.append(2, Txns.txn(3)));
            assertEquals("zxid 0x2 given for a txn carrying 0x3", mismatch.getMessage());
            StorageException tooLong = assertThrows(StorageException.class,
                    () -> log.append(4, Txns.txn(4, FileStorageConfig.DEFAULT_MAX_TXN_BYTES)));
            assertTrue(tooLong.getMessage().contains("max-txn-bytes"), tooLong.getMessage());
        }
    }

    @Test
    void aCursorSeesUncommittedAppendsButNotLaterOnes() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            TxnLog log = storage.txnLog();
            Txns.append(log, 1, 3);
            try (var cursor = log.readFrom(0)) {
                Txns.append(log, 4, 6);
                assertEquals(1, cursor.next().zxid());
                assertEquals(2, cursor.next().zxid());
                assertEquals(3, cursor.next().zxid());
                assertNull(cursor.next());
            }
        }
    }

    @Test
    void committedTxnsAreInTheFileForAnyReader() throws Exception {
        byte[] txn = Txns.txn(7);
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            storage.txnLog().append(7, txn);
            storage.txnLog().commit();
            try (FileChannel channel = FileChannel.open(Txns.logFile(dir, 7), StandardOpenOption.READ)) {
                ByteBuffer bytes = ByteBuffer.allocate(LogFormat.HEADER_BYTES + LogFormat.entryBytes(txn.length));
                channel.read(bytes, 0);
                bytes.flip();
                assertEquals(0x5A4B4C47, bytes.getInt());
                assertEquals(2, bytes.getInt());
                assertEquals(0, bytes.getLong());
                assertEquals(LogFormat.checksum(txn), bytes.getLong());
                assertEquals(txn.length, bytes.getInt());
                byte[] read = new byte[txn.length];
                bytes.get(read);
                assertArrayEquals(txn, read);
                assertEquals('B', bytes.get());
            }
        }
    }

    @Test
    void oneCommitFsyncsEveryAppendSinceTheLastOnce() throws Exception {
        AtomicInteger forces = new AtomicInteger();
        try (FileStorage storage = FileStorage.open(Txns.config(dir), Txns.CONTEXT, CountingChannel.opener(forces))) {
            TxnLog log = storage.txnLog();
            Txns.append(log, 1, 50);
            assertEquals(0, forces.get());
            log.commit();
            assertEquals(1, forces.get());
            Txns.append(log, 51, 60);
            log.roll();
            // The file is fsynced before the next one starts, so only the last file can be torn.
            assertEquals(2, forces.get());
        }
    }

    @Test
    void fsyncFalseNeverFsyncsTheLog() throws Exception {
        FileStorageConfig d = Txns.config(dir);
        FileStorageConfig config = new FileStorageConfig(d.dataDir(), d.dataLogDir(), false, d.preallocateBytes(),
                d.logRollBytes(), d.maxTxnBytes(), d.snapshotCompression());
        AtomicInteger forces = new AtomicInteger();
        try (FileStorage storage = FileStorage.open(config, Txns.CONTEXT, CountingChannel.opener(forces))) {
            Txns.append(storage.txnLog(), 1, 5);
            storage.txnLog().commit();
            storage.txnLog().roll();
            assertEquals(0, forces.get());
            assertEquals(Txns.range(1, 5), Txns.zxids(storage.txnLog(), 0));
        }
    }

    @Test
    void preallocatesInBlocksAsZooKeeperDoes() throws Exception {
        long block = 64 * 1024;
        try (FileStorage storage = Txns.open(Txns.config(dir, block))) {
            storage.txnLog().append(1, Txns.txn(1, 100));
            storage.txnLog().commit();
            assertEquals(block, Files.size(Txns.logFile(dir, 1)));
            // Within 4 KiB of the end, the next append extends the file by another block.
            storage.txnLog().append(2, Txns.txn(2, (int) block - 4096));
            storage.txnLog().append(3, Txns.txn(3, 100));
            storage.txnLog().commit();
            assertEquals(2 * block, Files.size(Txns.logFile(dir, 1)));
        }
        try (FileStorage storage = Txns.open(Txns.config(dir, block))) {
            assertEquals(List.of(1L, 2L, 3L), Txns.zxids(storage.txnLog(), 0));
            assertNull(((TxnLogFiles) storage.txnLog()).recoveryWarning());
        }
    }

    @Test
    void truncateAfterCutsTheMiddleOfAFileDurably() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            TxnLog log = storage.txnLog();
            Txns.append(log, 1, 10);
            log.commit();
            log.truncateAfter(5);
            assertEquals(5, log.lastZxid());
            assertEquals(Txns.range(1, 5), Txns.zxids(log, 0));
            log.append(6, Txns.txn(6, 99));
            log.commit();
        }
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            List<LoggedTxn> txns = Txns.readAll(storage.txnLog(), 0);
            assertEquals(Txns.range(1, 6), txns.stream().map(LoggedTxn::zxid).toList());
            assertArrayEquals(Txns.txn(6, 99), txns.get(5).bytes());
            assertNull(((TxnLogFiles) storage.txnLog()).recoveryWarning());
        }
    }

    @Test
    void truncateAfterDeletesLaterFilesAndCutsTheOneHoldingTheZxid() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            TxnLog log = storage.txnLog();
            Txns.append(log, 1, 10);
            log.roll();
            Txns.append(log, 11, 20);
            log.roll();
            Txns.append(log, 21, 30);
            // Uncommitted appends are cut too.
            log.truncateAfter(15);
            assertEquals(15, log.lastZxid());
            assertFalse(Files.exists(Txns.logFile(dir, 21)));
            assertEquals(Txns.range(1, 15), Txns.zxids(log, 0));
        }
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            assertEquals(15, storage.txnLog().lastZxid());
            assertEquals(Txns.range(12, 15), Txns.zxids(storage.txnLog(), 12));
        }
    }

    @Test
    void truncateAfterAFileBoundaryKeepsTheEarlierFileWhole() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            TxnLog log = storage.txnLog();
            Txns.append(log, 1, 10);
            log.roll();
            Txns.append(log, 11, 20);
            log.truncateAfter(10);
            assertEquals(10, log.lastZxid());
            assertFalse(Files.exists(Txns.logFile(dir, 11)));
            Txns.append(log, 11, 12);
            assertEquals(Txns.range(1, 12), Txns.zxids(log, 0));
        }
    }

    @Test
    void truncateAfterBelowTheFirstTxnEmptiesTheLog() throws Exception {
        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            TxnLog log = storage.txnLog();
            Txns.append(log, 5, 9);
            log.commit();
            log.truncateAfter(4);
            assertEquals(0, log.lastZxid());
            assertEquals(List.of(), Txns.zxids(log, 0));
            assertEquals(List.of(), LogFile.list(Txns.versionDir(dir)));
        }
    }

    @Test
    void aClosedLogRefusesWork() throws Exception {
        FileStorage storage = Txns.open(Txns.config(dir));
        storage.close();
        StorageException e = assertThrows(StorageException.class, () -> storage.txnLog().append(1, Txns.txn(1)));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
    }

    @Test
    void aWriteErrorMakesTheLogRefuseFurtherWritesNamingTheFile() throws Exception {
        ChannelOpener failing = file -> new CountingChannel(ChannelOpener.DEFAULT.create(file), new AtomicInteger()) {
            @Override
            public void force(boolean metaData) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        try (FileStorage storage = FileStorage.open(Txns.config(dir), Txns.CONTEXT, failing)) {
            TxnLog log = storage.txnLog();
            log.append(1, Txns.txn(1));
            StorageException e = assertThrows(StorageException.class, log::commit);
            assertEquals("cannot commit txn log " + Txns.logFile(dir, 1) + ": No space left on device", e.getMessage());
            StorageException later = assertThrows(StorageException.class, () -> log.append(2, Txns.txn(2)));
            assertTrue(later.getMessage().contains("refuses writes after an earlier failure"), later.getMessage());
        }
    }
}
