package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnCodec;
import org.zkplatform.api.storage.TxnCursor;
import org.zkplatform.api.storage.TxnLog;

/**
 * The txn log as ZooKeeper lays it out: {@code log.<hex zxid>} files in {@code version-2}.
 *
 * <p>Each open starts a new file at the first append, as ZooKeeper does, so a file is only ever
 * appended by one writer from its start. A file is fsynced before the next one is started, which
 * keeps damage from a crash confined to the end of the last file (see {@link TailRecovery}).
 *
 * <p>Thread-safety: one thread appends, commits, rolls and truncates, as {@link TxnLog} requires.
 * The methods are synchronized anyway, so that {@link #lastZxid()} and {@link #readFrom} may be
 * called from other threads; a cursor reads outside the lock, from the bytes present when it was
 * made. Do not {@link #truncateAfter} or purge while a cursor is open: it reads the files those delete.
 *
 * <p>After an I/O error while writing, the file may end in a partial entry, so the log refuses
 * further writes; reopening it cuts that entry off.
 */
final class TxnLogFiles implements TxnLog {

    private static final Logger LOG = LoggerFactory.getLogger(TxnLogFiles.class);

    private final Path dir;
    private final FileStorageConfig config;
    private final TxnCodec codec;
    private final ChannelOpener opener;
    private final String recoveryWarning;
    private LogWriter writer;
    private long lastZxid;
    private StorageException failure;
    private boolean closed;

    private TxnLogFiles(Path dir, FileStorageConfig config, TxnCodec codec, ChannelOpener opener, TailRecovery.Result recovery) {
        this.dir = dir;
        this.config = config;
        this.codec = codec;
        this.opener = opener;
        this.recoveryWarning = recovery.warning();
        this.lastZxid = recovery.lastZxid();
    }

    /** Opens the log in {@code dir} (a version-2 directory), recovering a torn tail. */
    static TxnLogFiles open(Path dir, FileStorageConfig config, TxnCodec codec, ChannelOpener opener) throws StorageException {
        TailRecovery.Result recovery = TailRecovery.run(dir, config.maxTxnBytes(), codec, config.fsync());
        if (recovery.warning() != null) {
            LOG.warn(recovery.warning());
        }
        return new TxnLogFiles(dir, config, codec, opener, recovery);
    }

    /** The warning logged when the log was opened, or {@code null} if its tail was clean. */
    String recoveryWarning() {
        return recoveryWarning;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code txn} is empty (a zero length marks the end of a
     *     ZooKeeper log) or carries another zxid than {@code zxid}
     * @throws StorageException if zxids do not increase, the txn is longer than
     *     {@code max-txn-bytes}, or the file cannot be written
     */
    @Override
    public synchronized void append(long zxid, byte[] txn) throws StorageException {
        checkWritable();
        if (txn.length == 0) {
            throw new IllegalArgumentException("empty txn for zxid 0x" + Long.toHexString(zxid));
        }
        long carried = codec.zxidOf(txn);
        if (carried != zxid) {
            throw new IllegalArgumentException("zxid 0x" + Long.toHexString(zxid) + " given for a txn carrying 0x"
                    + Long.toHexString(carried));
        }
        if (zxid <= lastZxid) {
            throw new StorageException("zxid 0x" + Long.toHexString(zxid) + " does not follow 0x" + Long.toHexString(lastZxid));
        }
        if (txn.length > config.maxTxnBytes()) {
            throw new StorageException("txn 0x" + Long.toHexString(zxid) + " is " + txn.length
                    + " bytes, more than zk.storage.file.max-txn-bytes (" + config.maxTxnBytes() + ")");
        }
        if (writer != null && writer.size() >= config.logRollBytes()) {
            closeWriter();
        }
        if (writer == null) {
            Path file = dir.resolve(LogFile.name(zxid));
            try {
                writer = LogWriter.create(file, opener, config.preallocateBytes());
            } catch (IOException e) {
                throw fail("create txn log", file, e);
            }
            if (config.fsync()) {
                VersionDir.fsync(dir);
            }
        }
        try {
            writer.append(txn);
        } catch (IOException e) {
            throw fail("write txn log", writer.file(), e);
        }
        lastZxid = zxid;
    }

    /** Flushes and, unless {@code fsync = false}, fsyncs the file being appended: one fsync for every append since the last commit. */
    @Override
    public synchronized void commit() throws StorageException {
        checkWritable();
        if (writer == null) {
            return;
        }
        try {
            writer.flush();
            if (config.fsync()) {
                writer.force();
            }
        } catch (IOException e) {
            throw fail("commit txn log", writer.file(), e);
        }
    }

    @Override
    public synchronized long lastZxid() {
        return lastZxid;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads the last file starting at or below {@code fromZxid} and every later one. Appends
     * not yet committed are flushed to the operating system first, so the cursor sees them. Meant
     * for replay at startup; safe later too, from any thread, with the caveats of the class comment.
     */
    @Override
    public synchronized TxnCursor readFrom(long fromZxid) throws StorageException {
        checkOpen();
        Path writing = null;
        long writingLimit = -1;
        if (writer != null) {
            try {
                writer.flush();
            } catch (IOException e) {
                throw fail("write txn log", writer.file(), e);
            }
            writing = writer.file();
            writingLimit = writer.size();
        }
        List<LogFile> files = LogFile.list(dir);
        int first = Math.max(0, LogFile.holding(files, fromZxid));
        return new LogCursor(files.subList(first, files.size()), writing, writingLimit, fromZxid, config.maxTxnBytes(), codec);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Cuts the file holding {@code zxid} just after it and deletes every later file; the next
     * append starts a new file. Durable on return unless {@code fsync = false}.
     */
    @Override
    public synchronized void truncateAfter(long zxid) throws StorageException {
        checkWritable();
        closeWriter();
        List<LogFile> files = LogFile.list(dir);
        long kept = 0;
        for (int i = files.size() - 1; i >= 0; i--) {
            LogFile file = files.get(i);
            if (file.startZxid() <= zxid) {
                Cut cut = cutPoint(file.path(), zxid);
                if (cut != null) {
                    truncate(file.path(), cut.offset());
                    kept = cut.lastKept();
                    break;
                }
            }
            delete(file.path());
        }
        if (config.fsync()) {
            VersionDir.fsync(dir);
        }
        lastZxid = kept;
    }

    /** Where to cut a file: just after the txn {@code lastKept}. */
    private record Cut(long offset, long lastKept) {
    }

    /** Where to cut {@code file} to keep its txns at or below {@code zxid}; {@code null} if it has none. */
    private Cut cutPoint(Path file, long zxid) throws StorageException {
        try (LogReader reader = LogReader.open(file, -1, config.maxTxnBytes(), codec, Long.MIN_VALUE)) {
            long end = -1;
            long last = 0;
            for (LoggedTxn txn = reader.next(); txn != null && txn.zxid() <= zxid; txn = reader.next()) {
                end = reader.goodEnd();
                last = txn.zxid();
            }
            if (reader.damage() != null) {
                throw new StorageException(file + " is corrupt: " + reader.damage().reason() + " at offset " + reader.damage().offset());
            }
            return end < 0 ? null : new Cut(end, last);
        }
    }

    private void truncate(Path file, long length) throws StorageException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            if (config.fsync()) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw fail("truncate txn log", file, e);
        }
    }

    private void delete(Path file) throws StorageException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw fail("delete txn log", file, e);
        }
    }

    /**
     * Makes the next append start a new file. The current one is fsynced first (unless
     * {@code fsync = false}), so that only the last file can ever hold a torn write.
     */
    @Override
    public synchronized void roll() throws StorageException {
        checkWritable();
        closeWriter();
    }

    private void closeWriter() throws StorageException {
        if (writer == null) {
            return;
        }
        LogWriter closing = writer;
        writer = null;
        try {
            closing.flush();
            if (config.fsync()) {
                closing.force();
            }
            closing.close();
        } catch (IOException e) {
            throw fail("finish txn log", closing.file(), e);
        }
    }

    /** Flushes what was appended, without an fsync: the contract promises nothing for uncommitted appends. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (writer == null) {
            return;
        }
        try {
            writer.flush();
            writer.close();
        } catch (IOException e) {
            LOG.warn("Closing txn log {} failed: {}", writer.file(), IoFailures.reason(e));
        }
        writer = null;
    }

    private StorageException fail(String action, Path file, IOException e) {
        StorageException failed = IoFailures.of(action, file, e);
        failure = failed;
        return failed;
    }

    private void checkOpen() throws StorageException {
        if (closed) {
            throw new StorageException("txn log in " + dir + " is closed");
        }
    }

    private void checkWritable() throws StorageException {
        checkOpen();
        if (failure != null) {
            throw new StorageException("txn log in " + dir + " refuses writes after an earlier failure: " + failure.getMessage(),
                    failure);
        }
    }
}
