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
 *
 * <p>{@link #inspect} finds all this without changing anything, so that a read-only open (for
 * {@code zk-tool check}) sees the log exactly as recovery would leave it.
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
    record Scan(Path file, int count, long firstZxid, long lastZxid, long goodEnd, long size, LogReader.Damage damage) {
    }

    /**
     * The end of the log, before recovery.
     *
     * @param empty the trailing files without a single intact txn, newest first: recovery deletes them
     * @param torn the last file with txns if it ends in damage (recovery cuts it at its good end), else {@code null}
     * @param lastZxid the zxid of the last intact txn, 0 if none
     */
    record Tail(List<Scan> empty, Scan torn, long lastZxid) {

        /**
         * One note per damaged file: where, why, and what recovery does about it, worded as done
         * ({@code done}) or as what opening the storage would do.
         */
        List<String> notes(boolean done) {
            String delete = done ? "deleted" : "opening would delete";
            String cut = done ? "cut" : "opening would cut";
            List<String> notes = new ArrayList<>();
            for (Scan scan : empty) {
                if (scan.damage() != null && scan.size() > 0) {
                    notes.add(scan.file() + ": " + scan.damage().reason() + " at offset " + scan.damage().offset() + "; "
                            + delete + " the file (" + scan.size() + " bytes), which held no intact txn");
                }
            }
            if (torn != null) {
                notes.add(torn.file() + ": " + torn.damage().reason() + " at offset " + torn.damage().offset() + "; "
                        + cut + " the file from " + torn.size() + " to " + torn.goodEnd() + " bytes, keeping txns 0x"
                        + Long.toHexString(torn.firstZxid()) + "..0x" + Long.toHexString(torn.lastZxid()));
            }
            return notes;
        }
    }

    private TailRecovery() {
    }

    static Result run(Path dir, int maxTxnBytes, TxnCodec codec, boolean fsync) throws StorageException {
        Tail tail = inspect(dir, maxTxnBytes, codec);
        for (Scan scan : tail.empty()) {
            delete(scan.file());
            if (scan.damage() == null || scan.size() == 0) {
                LOG.info("Deleted {}: it held no txn", scan.file());
            }
        }
        if (!tail.empty().isEmpty() && fsync) {
            VersionDir.fsync(dir);
        }
        if (tail.torn() != null) {
            cut(tail.torn().file(), tail.torn().goodEnd(), fsync);
        }
        List<String> notes = tail.notes(true);
        if (notes.isEmpty()) {
            return new Result(tail.lastZxid(), null);
        }
        return new Result(tail.lastZxid(), "Txn log tail torn by an interrupted write, the uncommitted part was dropped: "
                + String.join("; ", notes) + ". The log now ends at zxid 0x" + Long.toHexString(tail.lastZxid())
                + "; any txn after it was lost");
    }

    /**
     * Finds what {@link #run} would cut and delete, changing nothing.
     *
     * @throws StorageException if a file before the tail has a damaged or foreign header, as
     *     {@link #run} does
     */
    static Tail inspect(Path dir, int maxTxnBytes, TxnCodec codec) throws StorageException {
        List<LogFile> files = LogFile.list(dir);
        List<Scan> empty = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            Scan scan = scan(files.get(i).path(), maxTxnBytes, codec);
            if (scan.count() == 0) {
                empty.add(scan);
                continue;
            }
            checkHeaders(files.subList(0, i), maxTxnBytes, codec);
            return new Tail(List.copyOf(empty), scan.damage() != null ? scan : null, scan.lastZxid());
        }
        return new Tail(List.copyOf(empty), null, 0);
    }

    private static Scan scan(Path file, int maxTxnBytes, TxnCodec codec) throws StorageException {
        try (LogReader reader = LogReader.open(file, -1, maxTxnBytes, codec, Long.MIN_VALUE)) {
            long first = 0;
            for (LoggedTxn txn = reader.next(); txn != null; txn = reader.next()) {
                if (reader.count() == 1) {
                    first = txn.zxid();
                }
            }
            return new Scan(file, reader.count(), first, reader.lastZxid(), reader.goodEnd(), reader.limit(), reader.damage());
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
