package org.zkplatform.storage.file;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnCodec;

/**
 * Reads one txn log file, entry by entry. It tells a clean end (end of file, or the zero length
 * of preallocated space) from damage (a torn or corrupt entry) and leaves the verdict to the
 * caller, because damage at the end of the last file is an interrupted write to cut while damage
 * anywhere else is corruption to refuse.
 *
 * <p>Every length is checked against {@code maxTxnBytes} and the bytes left before anything is
 * allocated, so a garbage length cannot exhaust the heap. Content that passed its checksum but
 * makes no sense (no zxid in it, zxids going backwards) is never a torn write and always fails.
 */
final class LogReader implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LogReader.class);
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    /** Where, and why, a file stopped making sense. */
    record Damage(long offset, String reason) {
    }

    private final Path file;
    private final DataInputStream in;
    private final long limit;
    private final int maxTxnBytes;
    private final TxnCodec codec;
    private long position;
    private long goodEnd;
    private long lastZxid;
    private int count;
    private Damage damage;
    private boolean ended;

    private LogReader(Path file, FileChannel channel, long limit, int maxTxnBytes, TxnCodec codec, long previousZxid) {
        this.file = file;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), READ_BUFFER_BYTES));
        this.limit = limit;
        this.maxTxnBytes = maxTxnBytes;
        this.codec = codec;
        this.lastZxid = previousZxid;
    }

    /**
     * Opens {@code file} and checks its header.
     *
     * @param limit read no further than this offset (the writer's position for the file being
     *     appended), or -1 for the whole file
     * @param previousZxid the zxid the first entry must not go below ({@link Long#MIN_VALUE} for no check)
     * @throws StorageException if the file cannot be read or is not a version-2 ZooKeeper txn log
     */
    static LogReader open(Path file, long limit, int maxTxnBytes, TxnCodec codec, long previousZxid) throws StorageException {
        FileChannel channel;
        long size;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            size = channel.size();
        } catch (IOException e) {
            throw IoFailures.of("read txn log", file, e);
        }
        LogReader reader = new LogReader(file, channel, limit < 0 ? size : Math.min(limit, size), maxTxnBytes, codec, previousZxid);
        try {
            reader.readHeader();
        } catch (StorageException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    private void readHeader() throws StorageException {
        if (limit < LogFormat.HEADER_BYTES) {
            end(new Damage(0, "the file header is incomplete (" + limit + " bytes)"));
            return;
        }
        int magic = readInt();
        int version = readInt();
        readLong();
        if (magic == 0 && version == 0) {
            // The header never reached the disk, but the preallocated zeros did.
            end(new Damage(0, "the file header is zeros"));
            return;
        }
        if (magic != LogFormat.MAGIC) {
            throw new StorageException(file + " is not a ZooKeeper txn log: its magic number is "
                    + String.format("0x%08x", magic) + ", expected 0x5a4b4c47 (ZKLG)");
        }
        if (version != LogFormat.VERSION) {
            throw new StorageException(file + " has txn log format version " + version + "; only version "
                    + LogFormat.VERSION + " is supported");
        }
        goodEnd = position;
    }

    /** The next txn, or {@code null} at the end of the file; then {@link #damage()} says whether the end was clean. */
    LoggedTxn next() throws StorageException {
        if (ended) {
            return null;
        }
        long start = position;
        long remaining = limit - position;
        if (remaining == 0) {
            return end(null);
        }
        if (remaining < LogFormat.ENTRY_PREFIX_BYTES) {
            byte[] rest = readBytes((int) remaining);
            return end(allZero(rest) ? null : new Damage(start, "a partial entry of " + remaining + " bytes"));
        }
        long checksum = readLong();
        int length = readInt();
        if (length == 0) {
            return end(null);
        }
        if (length < 0 || length > maxTxnBytes) {
            return end(new Damage(start, "entry length " + length + " is outside 1.." + maxTxnBytes));
        }
        if (length + 1L > limit - position) {
            return end(new Damage(start, "an entry of " + length + " bytes runs past the end of the file"));
        }
        byte[] txn = readBytes(length);
        if (readBytes(1)[0] != LogFormat.END_OF_RECORD) {
            return end(new Damage(start, "the entry has no end-of-record byte"));
        }
        if (LogFormat.checksum(txn) != checksum) {
            return end(new Damage(start, "checksum mismatch"));
        }
        long zxid = zxidOf(txn, start);
        if (lastZxid != Long.MIN_VALUE) {
            if (zxid < lastZxid) {
                throw new StorageException(file + " is corrupt: zxid 0x" + Long.toHexString(zxid) + " at offset " + start
                        + " follows 0x" + Long.toHexString(lastZxid));
            }
            if (zxid == lastZxid) {
                LOG.warn("{} holds zxid 0x{} twice (second at offset {}); ZooKeeper tolerates this", file,
                        Long.toHexString(zxid), start);
            }
        }
        lastZxid = zxid;
        count++;
        goodEnd = position;
        return new LoggedTxn(zxid, txn);
    }

    private long zxidOf(byte[] txn, long offset) throws StorageException {
        try {
            return codec.zxidOf(txn);
        } catch (IllegalArgumentException e) {
            throw new StorageException(file + " is corrupt: the txn at offset " + offset + " has no zxid: " + e.getMessage(), e);
        }
    }

    /** Why the file ended early, or {@code null} if it ended cleanly (or has not ended yet). */
    Damage damage() {
        return damage;
    }

    /** The offset just past the last good entry (past the header if none); 0 if the header itself is damaged. */
    long goodEnd() {
        return goodEnd;
    }

    /** The zxid of the last good entry, or the {@code previousZxid} given at open if there was none. */
    long lastZxid() {
        return lastZxid;
    }

    /** How many good entries were read. */
    int count() {
        return count;
    }

    /** The bytes the reader was allowed to read. */
    long limit() {
        return limit;
    }

    Path file() {
        return file;
    }

    private LoggedTxn end(Damage why) {
        ended = true;
        damage = why;
        return null;
    }

    private int readInt() throws StorageException {
        try {
            int value = in.readInt();
            position += Integer.BYTES;
            return value;
        } catch (IOException e) {
            throw IoFailures.of("read txn log", file, e);
        }
    }

    private long readLong() throws StorageException {
        try {
            long value = in.readLong();
            position += Long.BYTES;
            return value;
        } catch (IOException e) {
            throw IoFailures.of("read txn log", file, e);
        }
    }

    private byte[] readBytes(int n) throws StorageException {
        byte[] bytes = new byte[n];
        try {
            in.readFully(bytes);
        } catch (IOException e) {
            throw IoFailures.of("read txn log", file, e);
        }
        position += n;
        return bytes;
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed", file, e);
        }
    }
}
