package org.zkplatform.storage.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnCodec;
import org.zkplatform.api.storage.TxnCursor;
import org.zkplatform.api.storage.TxnLog;

/**
 * The txn log as {@link TailRecovery} would leave it, without changing a byte: reads skip the
 * trailing files recovery would delete and stop where it would cut. Every write throws.
 */
final class ReadOnlyTxnLog implements TxnLog {

    private final Path dir;
    private final TailRecovery.Tail tail;
    private final int maxTxnBytes;
    private final TxnCodec codec;

    ReadOnlyTxnLog(Path dir, TailRecovery.Tail tail, int maxTxnBytes, TxnCodec codec) {
        this.dir = dir;
        this.tail = tail;
        this.maxTxnBytes = maxTxnBytes;
        this.codec = codec;
    }

    @Override
    public long lastZxid() {
        return tail.lastZxid();
    }

    /** Reads as {@link TxnLogFiles#readFrom} would after recovery: the torn file only up to its good end. */
    @Override
    public TxnCursor readFrom(long fromZxid) throws StorageException {
        List<Path> dropped = tail.empty().stream().map(TailRecovery.Scan::file).toList();
        List<LogFile> files = new ArrayList<>(LogFile.list(dir));
        files.removeIf(file -> dropped.contains(file.path()));
        int first = Math.max(0, LogFile.holding(files, fromZxid));
        TailRecovery.Scan torn = tail.torn();
        return new LogCursor(files.subList(first, files.size()), torn == null ? null : torn.file(),
                torn == null ? -1 : torn.goodEnd(), fromZxid, maxTxnBytes, codec);
    }

    @Override
    public void append(long zxid, byte[] txn) throws StorageException {
        throw readOnly();
    }

    @Override
    public void commit() throws StorageException {
        throw readOnly();
    }

    @Override
    public void truncateAfter(long zxid) throws StorageException {
        throw readOnly();
    }

    @Override
    public void roll() throws StorageException {
        throw readOnly();
    }

    @Override
    public void close() {
        // Nothing is held open between reads.
    }

    private StorageException readOnly() {
        return new StorageException("txn log in " + dir + " is open read-only");
    }
}
