package org.zkplatform.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.StorageException;

class TxnLogFileReaderTest {

    private static final int MAX_TXN_BYTES = 1 << 20;

    @TempDir
    Path dir;

    private static List<Long> readAll(TxnLogFileReader reader) throws StorageException {
        List<Long> zxids = new ArrayList<>();
        for (LoggedTxn txn = reader.next(); txn != null; txn = reader.next()) {
            zxids.add(txn.zxid());
        }
        return zxids;
    }

    @Test
    void readsEveryTxnOfACleanFile() throws Exception {
        List<byte[]> txns = List.of(Txns.txn(1), Txns.txn(2));
        Path file = dir.resolve("log.1");
        RawLog.write(file, txns);

        try (TxnLogFileReader reader = TxnLogFileReader.open(file, MAX_TXN_BYTES, Txns.CODEC)) {
            assertEquals(List.of(1L, 2L), readAll(reader));
            assertTrue(reader.damage().isEmpty());
            assertEquals(RawLog.offsetOf(txns, 2), reader.goodEnd());
        }
    }

    @Test
    void stopsAtATornEntryAndSaysWhere() throws Exception {
        List<byte[]> txns = List.of(Txns.txn(1), Txns.txn(2), Txns.txn(3));
        Path file = dir.resolve("log.1");
        RawLog.write(file, txns);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 3));

        try (TxnLogFileReader reader = TxnLogFileReader.open(file, MAX_TXN_BYTES, Txns.CODEC)) {
            assertEquals(List.of(1L, 2L), readAll(reader));
            assertEquals("an entry of " + txns.get(2).length + " bytes runs past the end of the file at offset "
                    + RawLog.offsetOf(txns, 2), reader.damage().orElseThrow());
            assertEquals(RawLog.offsetOf(txns, 2), reader.goodEnd());
        }
    }

    @Test
    void zxidsGoingBackwardsStopTheReadInsteadOfFailingIt() throws Exception {
        Path file = dir.resolve("log.1");
        RawLog.write(file, List.of(Txns.txn(5), Txns.txn(4)));

        try (TxnLogFileReader reader = TxnLogFileReader.open(file, MAX_TXN_BYTES, Txns.CODEC)) {
            assertEquals(List.of(5L), readAll(reader));
            assertTrue(reader.damage().orElseThrow().contains("zxid 0x4 at offset"), reader.damage().toString());
        }
    }

    @Test
    void aForeignFileIsNotALog() throws Exception {
        Path file = Files.write(dir.resolve("log.1"), "not a txn log at all".getBytes());

        StorageException e = assertThrows(StorageException.class, () -> TxnLogFileReader.open(file, MAX_TXN_BYTES, Txns.CODEC));
        assertTrue(e.getMessage().contains("is not a ZooKeeper txn log"), e.getMessage());
    }
}
