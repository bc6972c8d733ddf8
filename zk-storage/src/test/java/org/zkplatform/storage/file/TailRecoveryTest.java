package org.zkplatform.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.storage.StorageException;

class TailRecoveryTest {

    @TempDir
    Path dir;

    private static List<byte[]> txns(long from, long to) {
        List<byte[]> txns = new ArrayList<>();
        for (long zxid = from; zxid <= to; zxid++) {
            txns.add(Txns.txn(zxid));
        }
        return txns;
    }

    private String warningOnOpen(Path dataDir, long expectedLastZxid, List<Long> expectedZxids) throws StorageException {
        try (FileStorage storage = Txns.open(Txns.config(dataDir))) {
            assertEquals(expectedLastZxid, storage.txnLog().lastZxid());
            assertEquals(expectedZxids, Txns.zxids(storage.txnLog(), 0));
            return ((TxnLogFiles) storage.txnLog()).recoveryWarning();
        }
    }

    @Test
    void aLastEntryCutAtAnyOffsetLeavesExactlyTheCompleteEntries() throws Exception {
        List<byte[]> txns = txns(1, 3);
        byte[] whole = RawLog.bytes(LogFormat.MAGIC, LogFormat.VERSION, txns);
        int lastStart = (int) RawLog.offsetOf(txns, 2);
        for (int cut = lastStart + 1; cut < whole.length; cut++) {
            Path dataDir = dir.resolve("cut-" + cut);
            Path file = Txns.logFile(dataDir, 1);
            Files.createDirectories(file.getParent());
            Files.write(file, Arrays.copyOf(whole, cut));

            String warning = warningOnOpen(dataDir, 2, List.of(1L, 2L));

            // The checksum is a long holding a 32-bit Adler32: its first 4 bytes are zeros, which
            // read like preallocated space, a clean end.
            if (cut <= lastStart + 4) {
                assertNull(warning, "cut at " + cut);
            } else {
                assertNotNull(warning, "cut at " + cut);
                assertTrue(warning.contains(file.toString()), warning);
                assertTrue(warning.contains("cut the file from " + cut + " to " + lastStart + " bytes"), warning);
                assertTrue(warning.contains("keeping txns 0x1..0x2"), warning);
                assertEquals(lastStart, Files.size(file));
            }
            // Reopening after recovery is clean and appends continue after the last complete txn.
            try (FileStorage storage = Txns.open(Txns.config(dataDir))) {
                assertNull(((TxnLogFiles) storage.txnLog()).recoveryWarning());
                storage.txnLog().append(3, Txns.txn(3));
                storage.txnLog().commit();
                assertEquals(List.of(1L, 2L, 3L), Txns.zxids(storage.txnLog(), 0));
            }
        }
    }

    @Test
    void aBadChecksumDropsThatEntryAndEverythingAfter() throws Exception {
        List<byte[]> txns = txns(1, 5);
        Path file = Txns.logFile(dir, 1);
        RawLog.write(file, txns);
        flipByte(file, RawLog.offsetOf(txns, 2) + 7);

        String warning = warningOnOpen(dir, 2, List.of(1L, 2L));

        assertNotNull(warning);
        assertTrue(warning.contains("checksum mismatch at offset " + RawLog.offsetOf(txns, 2)), warning);
        assertTrue(warning.contains("The log now ends at zxid 0x2"), warning);
    }

    @Test
    void aDamagedTxnByteIsCaughtByTheChecksum() throws Exception {
        List<byte[]> txns = txns(1, 4);
        Path file = Txns.logFile(dir, 1);
        RawLog.write(file, txns);
        flipByte(file, RawLog.offsetOf(txns, 3) + LogFormat.ENTRY_PREFIX_BYTES + 30);

        assertNotNull(warningOnOpen(dir, 3, List.of(1L, 2L, 3L)));
    }

    @Test
    void aMissingEndOfRecordByteEndsTheLog() throws Exception {
        List<byte[]> txns = txns(1, 3);
        Path file = Txns.logFile(dir, 1);
        RawLog.write(file, txns);
        flipByte(file, RawLog.offsetOf(txns, 3) - 1);

        String warning = warningOnOpen(dir, 2, List.of(1L, 2L));

        assertTrue(warning.contains("no end-of-record byte"), warning);
    }

    @Test
    void anAbsurdLengthEndsTheLogWithoutAllocatingIt() throws Exception {
        List<byte[]> txns = txns(1, 3);
        Path file = Txns.logFile(dir, 1);
        RawLog.write(file, txns);
        writeInt(file, RawLog.offsetOf(txns, 2) + 8, Integer.MAX_VALUE);

        String warning = warningOnOpen(dir, 2, List.of(1L, 2L));

        assertTrue(warning.contains("entry length 2147483647 is outside"), warning);
    }

    @Test
    void zerosAfterTheEntriesAreAPreallocatedEndNotDamage() throws Exception {
        List<byte[]> txns = txns(1, 3);
        Path file = Txns.logFile(dir, 1);
        RawLog.write(file, txns);
        Files.write(file, new byte[100_000], java.nio.file.StandardOpenOption.APPEND);

        assertNull(warningOnOpen(dir, 3, List.of(1L, 2L, 3L)));
        assertEquals(RawLog.offsetOf(txns, 3) + 100_000, Files.size(file));
    }

    @Test
    void aTrailingFileWithoutAnIntactTxnIsDeletedAndTheEarlierOneEndsTheLog() throws Exception {
        RawLog.write(Txns.logFile(dir, 1), txns(1, 4));
        Path torn = Txns.logFile(dir, 5);
        byte[] second = RawLog.bytes(LogFormat.MAGIC, LogFormat.VERSION, txns(5, 5));
        Files.write(torn, Arrays.copyOf(second, second.length - 3));

        String warning = warningOnOpen(dir, 4, Txns.range(1, 4));

        assertFalse(Files.exists(torn));
        assertTrue(warning.contains(torn + ": an entry of"), warning);
        assertTrue(warning.contains("deleted the file"), warning);
    }

    @Test
    void aTrailingFileWithAHeaderOnlyOrNothingIsDeletedQuietly() throws Exception {
        RawLog.write(Txns.logFile(dir, 1), txns(1, 2));
        Path headerOnly = Txns.logFile(dir, 3);
        RawLog.write(headerOnly, List.of());
        Files.write(headerOnly, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        Path empty = Txns.logFile(dir, 4);
        Files.write(empty, new byte[0]);

        assertNull(warningOnOpen(dir, 2, List.of(1L, 2L)));
        assertFalse(Files.exists(headerOnly));
        assertFalse(Files.exists(empty));
    }

    @Test
    void aLastFileWhoseHeaderIsZerosIsATornWrite() throws Exception {
        RawLog.write(Txns.logFile(dir, 1), txns(1, 2));
        Path zeros = Txns.logFile(dir, 3);
        Files.write(zeros, new byte[64 * 1024]);

        String warning = warningOnOpen(dir, 2, List.of(1L, 2L));

        assertTrue(warning.contains(zeros + ": the file header is zeros"), warning);
        assertFalse(Files.exists(zeros));
    }

    @Test
    void damageInAnEarlierFileIsCorruptionNamingTheFile() throws Exception {
        List<byte[]> first = txns(1, 5);
        Path firstFile = Txns.logFile(dir, 1);
        RawLog.write(firstFile, first);
        RawLog.write(Txns.logFile(dir, 6), txns(6, 8));
        flipByte(firstFile, RawLog.offsetOf(first, 2) + 7);

        try (FileStorage storage = Txns.open(Txns.config(dir))) {
            assertEquals(8, storage.txnLog().lastZxid());
            StorageException e = assertThrows(StorageException.class, () -> Txns.readAll(storage.txnLog(), 0));
            assertEquals(firstFile + " is corrupt: checksum mismatch at offset " + RawLog.offsetOf(first, 2), e.getMessage());
            // Nothing was cut: an operator can still inspect the file.
            assertEquals(RawLog.offsetOf(first, 5), Files.size(firstFile));
        }
    }

    @Test
    void aTornHeaderInAnEarlierFileFailsTheOpen() throws Exception {
        Path first = Txns.logFile(dir, 1);
        Files.createDirectories(first.getParent());
        Files.write(first, new byte[] {0x5A, 0x4B});
        RawLog.write(Txns.logFile(dir, 6), txns(6, 8));

        StorageException e = assertThrows(StorageException.class, () -> Txns.open(Txns.config(dir)));

        assertTrue(e.getMessage().startsWith(first + " is corrupt: the file header is incomplete (2 bytes)"), e.getMessage());
    }

    @Test
    void aFileWithAnotherMagicFailsTheOpenNamingTheFile() throws Exception {
        Path file = Txns.logFile(dir, 1);
        Files.createDirectories(file.getParent());
        Files.write(file, RawLog.bytes(0x5A4B534E, 2, txns(1, 2)));
        RawLog.write(Txns.logFile(dir, 3), txns(3, 4));

        StorageException e = assertThrows(StorageException.class, () -> Txns.open(Txns.config(dir)));

        assertEquals(file + " is not a ZooKeeper txn log: its magic number is 0x5a4b534e, expected 0x5a4b4c47 (ZKLG)",
                e.getMessage());
    }

    @Test
    void aFileWithAnotherVersionFailsTheOpenNamingTheFile() throws Exception {
        Path file = Txns.logFile(dir, 1);
        Files.createDirectories(file.getParent());
        Files.write(file, RawLog.bytes(LogFormat.MAGIC, 3, txns(1, 2)));

        StorageException e = assertThrows(StorageException.class, () -> Txns.open(Txns.config(dir)));

        assertEquals(file + " has txn log format version 3; only version 2 is supported", e.getMessage());
    }

    @Test
    void aRepeatedZxidIsKeptAsZooKeeperKeepsIt() throws Exception {
        RawLog.write(Txns.logFile(dir, 1), List.of(Txns.txn(1), Txns.txn(2), Txns.txn(2), Txns.txn(3)));

        assertNull(warningOnOpen(dir, 3, List.of(1L, 2L, 2L, 3L)));
    }

    @Test
    void zxidsGoingBackwardsAreCorruptionNotATornTail() throws Exception {
        Path file = Txns.logFile(dir, 1);
        RawLog.write(file, List.of(Txns.txn(1), Txns.txn(3), Txns.txn(2)));

        StorageException e = assertThrows(StorageException.class, () -> Txns.open(Txns.config(dir)));

        assertEquals(file + " is corrupt: zxid 0x2 at offset " + RawLog.offsetOf(List.of(Txns.txn(1), Txns.txn(3)), 2)
                + " follows 0x3", e.getMessage());
    }

    private static void flipByte(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x5A;
        Files.write(file, bytes);
    }

    private static void writeInt(Path file, long offset, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt((int) offset, value);
        Files.write(file, bytes);
    }
}
