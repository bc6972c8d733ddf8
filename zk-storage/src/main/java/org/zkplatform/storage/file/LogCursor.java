package org.zkplatform.storage.file;

import java.nio.file.Path;
import java.util.List;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnCodec;
import org.zkplatform.api.storage.TxnCursor;

/**
 * Reads txns from a fixed list of log files, skipping those below a zxid. Torn tails were cut
 * when the log was opened, so any damage met here is corruption and fails the read.
 */
final class LogCursor implements TxnCursor {

    private final List<LogFile> files;
    private final Path writing;
    private final long writingLimit;
    private final long fromZxid;
    private final int maxTxnBytes;
    private final TxnCodec codec;
    private int nextFile;
    private LogReader reader;
    private long lastZxid = Long.MIN_VALUE;

    /**
     * @param files the files to read, in order
     * @param writing the file being appended, or {@code null}; it is read up to {@code writingLimit}
     *     only, the bytes it held when the cursor was made (for a read-only log: a torn file, read
     *     up to its last intact txn)
     */
    LogCursor(List<LogFile> files, Path writing, long writingLimit, long fromZxid, int maxTxnBytes, TxnCodec codec) {
        this.files = List.copyOf(files);
        this.writing = writing;
        this.writingLimit = writingLimit;
        this.fromZxid = fromZxid;
        this.maxTxnBytes = maxTxnBytes;
        this.codec = codec;
    }

    @Override
    public LoggedTxn next() throws StorageException {
        while (true) {
            if (reader == null) {
                if (nextFile == files.size()) {
                    return null;
                }
                Path file = files.get(nextFile++).path();
                reader = LogReader.open(file, file.equals(writing) ? writingLimit : -1, maxTxnBytes, codec, lastZxid);
            }
            LoggedTxn txn = reader.next();
            if (txn == null) {
                LogReader.Damage damage = reader.damage();
                Path file = reader.file();
                reader.close();
                reader = null;
                if (damage != null) {
                    throw new StorageException(file + " is corrupt: " + damage.reason() + " at offset " + damage.offset());
                }
                continue;
            }
            lastZxid = txn.zxid();
            if (txn.zxid() >= fromZxid) {
                return txn;
            }
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
        nextFile = files.size();
    }
}
