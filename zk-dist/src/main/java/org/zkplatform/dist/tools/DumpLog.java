package org.zkplatform.dist.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.storage.file.FileStorageConfig;
import org.zkplatform.storage.file.TxnLogFileReader;
import org.zkplatform.zab.ZabTxnCodec;
import org.zkplatform.zab.persistence.TxnFormatter;

/**
 * {@code zk-tool dump-log <file>}: every txn of one log file, a line each, then one line saying
 * where the log ends. A torn or damaged tail is shown up to its last intact txn, and a txn that
 * does not decode is shown by its zxid; either makes the exit {@link ToolExit#DAMAGED}.
 */
final class DumpLog implements ToolCommand {

    private final Path file;

    DumpLog(Path file) {
        this.file = file;
    }

    @Override
    public ToolExit run(PrintStream out) throws ToolException {
        // No config here: the file storage's default txn size limit, which the server uses unless configured otherwise.
        int maxTxnBytes = FileStorageConfig.defaults(file.toAbsolutePath().getParent()).maxTxnBytes();
        int txns = 0;
        int undecodable = 0;
        try (TxnLogFileReader reader = TxnLogFileReader.open(file, maxTxnBytes, ZabTxnCodec.INSTANCE)) {
            for (LoggedTxn txn = reader.next(); txn != null; txn = reader.next()) {
                txns++;
                try {
                    out.println(TxnFormatter.format(txn.bytes()));
                } catch (IOException e) {
                    undecodable++;
                    out.println("zxid=" + Zxid.toHex(txn.zxid()) + " does not decode: " + e.getMessage());
                }
            }
            if (reader.damage().isPresent()) {
                out.println("stopped after " + Counts.of(txns, "txn") + ": " + reader.damage().get());
                return ToolExit.DAMAGED;
            }
            out.println("end of log after " + Counts.of(txns, "txn") + " at offset " + reader.goodEnd()
                    + (undecodable > 0 ? "; " + undecodable + " of them do not decode" : ""));
            return undecodable > 0 ? ToolExit.DAMAGED : ToolExit.OK;
        } catch (StorageException e) {
            throw new ToolException(ToolExit.UNREADABLE, e.getMessage());
        }
    }
}
