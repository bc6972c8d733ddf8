package org.zkplatform.dist.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.storage.file.ReadOnlyFileStorage;
import org.zkplatform.storage.file.TxnLogFileReader;
import org.zkplatform.zab.ZabTxnCodec;

/**
 * The txn log part of {@code zk-tool check}, for the {@code file} storage: every log file read
 * whole (its zxid range, and where damage stops it), then the torn tail the server would cut on
 * opening. Changes nothing.
 */
final class LogsReport {

    private LogsReport() {
    }

    /**
     * Prints one line per log file, then one per file of the torn tail.
     *
     * @return whether any file is damaged
     * @throws StorageException if the files cannot be listed
     */
    static boolean print(ReadOnlyFileStorage storage, int maxTxnBytes, PrintStream out) throws StorageException {
        List<Path> files = storage.logFiles();
        if (files.isEmpty()) {
            out.println("logs: none");
        }
        boolean damaged = false;
        for (Path file : files) {
            Finding finding = verdict(file, maxTxnBytes);
            damaged |= finding.damaged();
            out.println("log " + file.getFileName() + ": " + finding.text());
        }
        for (String repair : storage.tailRepairs()) {
            out.println("torn tail: " + repair);
            damaged = true;
        }
        return damaged;
    }

    private static Finding verdict(Path file, int maxTxnBytes) {
        try (TxnLogFileReader reader = TxnLogFileReader.open(file, maxTxnBytes, ZabTxnCodec.INSTANCE)) {
            long first = 0;
            long last = 0;
            int count = 0;
            for (LoggedTxn txn = reader.next(); txn != null; txn = reader.next()) {
                if (count++ == 0) {
                    first = txn.zxid();
                }
                last = txn.zxid();
            }
            String txns = count == 0 ? "no txns" : Counts.of(count, "txn") + " " + Zxid.toHex(first) + ".." + Zxid.toHex(last);
            return reader.damage().map(damage -> Finding.damage(txns + ", damaged: " + damage))
                    .orElse(Finding.sound(txns + ", ends cleanly at offset " + reader.goodEnd()));
        } catch (StorageException e) {
            return Finding.damage("unreadable: " + e.getMessage());
        }
    }
}
