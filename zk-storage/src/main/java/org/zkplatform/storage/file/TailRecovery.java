package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnCodec;

/**
 * Brings the txn log to a clean end when it is opened, and finds its last zxid.
 *
 * <p>Only the end of the last file can be torn: a crash interrupts the append in progress, and
 * the writer fsyncs a file before starting the next. So damage at the end of the last file is
 * cut off (what it held was never committed, since commit returns only after the fsync), and the
 * trailing files left without a single intact txn are deleted. All of it is reported in one
 * warning. Damage anywhere else is found when that file is read, and is an error.
 *
 * <p>Every file's header is checked here, so a foreign file fails the open, not a later read.
 */
final class TailRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(TailRecovery.class);

    /**
     * What recovery found.
     *
     * @param lastZxid the zxid of the last intact txn, 0 if none
     * @param warning what was cut or deleted, for one WARN; {@code null} if the tail was clean
     */
    record Result(long lastZxid, String warning) {
    }

    /** What one scan of a file found. */
    private record Scan(int count, long firstZxid, long lastZxid, long goodEnd, long size, LogReader.Damage damage) {
    }

    private TailRecovery() {
    }

    static Result run(Path dir, int maxTxnBytes, TxnCodec codec, boolean fsync) throws StorageException {
        List<LogFile> files = LogFile.list(dir);
        List<String> notes = new ArrayList<>();
        boolean deleted = false;
        long lastZxid = 0;
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i).path();
            Scan scan = scan(file, maxTxnBytes, codec);
            LogReader.Damage damage = scan.damage();
            if (scan.count() == 0) {
                delete(file);
                deleted = true;
                if (damage != null && scan.size() > 0) {
                    notes.add(file + ": " + damage.reason() + " at offset " + damage.offset() + "; deleted the file ("
                            + scan.size() + " bytes), which held no intact txn");
                } else {
                    LOG.info("Deleted {}: it held no txn", file);
                }
                continue;
            }
            if (damage != null) {
                cut(file, scan.goodEnd(), fsync);
                notes.add(file + ": " + damage.reason() + " at offset " + damage.offset() + "; cut the file from "
                        + scan.size() + " to " + scan.goodEnd() + " bytes, keeping txns 0x" + Long.toHexString(scan.firstZxid())
                        + "..0x" + Long.toHexString(scan.lastZxid()));
            }
            lastZxid = scan.lastZxid();
            checkHeaders(files.subList(0, i), maxTxnBytes, codec);
            break;
        }
        if (deleted && fsync) {
            VersionDir.fsync(dir);
        }
        if (notes.isEmpty()) {
            return new Result(lastZxid, null);
        }
        return new Result(lastZxid, "Txn log tail torn by an interrupted write, the uncommitted part was dropped: "
                + String.join("; ", notes) + ". The log now ends at zxid 0x" + Long.toHexString(lastZxid)
                + "; any txn after it was lost");
    }

    private static Scan scan(Path file, int maxTxnBytes, TxnCodec codec) throws StorageException {
        try (LogReader reader = LogReader.open(file, -1, maxTxnBytes, codec, Long.MIN_VALUE)) {
            long first = 0;
            for (LoggedTxn txn = reader.next(); txn != null; txn = reader.next()) {
                if (reader.count() == 1) {
                    first = txn.zxid();
                }
            }
            return new Scan(reader.count(), first, reader.lastZxid(), reader.goodEnd(), reader.limit(), reader.damage());
        }
    }

    private static void checkHeaders(List<LogFile> files, int maxTxnBytes, TxnCodec codec) throws StorageException {
        for (LogFile file : files) {
            try (LogReader reader = LogReader.open(file.path(), LogFormat.HEADER_BYTES, maxTxnBytes, codec, Long.MIN_VALUE)) {
                if (reader.goodEnd() == 0) {
                    LogReader.Damage damage = reader.damage();
                    throw new StorageException(file.path() + " is corrupt: " + damage.reason() + "; it is not the last txn log, so this"
                            + " is not an interrupted write");
                }
            }
        }
    }

    private static void cut(Path file, long length, boolean fsync) throws StorageException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            if (fsync) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw IoFailures.of("cut the torn tail of txn log", file, e);
        }
    }

    private static void delete(Path file) throws StorageException {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw IoFailures.of("delete txn log", file, e);
        }
    }
}
