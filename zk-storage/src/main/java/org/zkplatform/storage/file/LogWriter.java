package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Appends entries to one txn log file. Entries collect in a heap buffer and reach the channel in
 * large writes, so an append costs a copy; the caller decides when to {@link #flush()} and
 * {@link #force()}.
 *
 * <p>The file grows in preallocated blocks of zeros, as ZooKeeper's do, so that an fsync rarely
 * has to update the file size too, and so that ZooKeeper reads the zero length after the last
 * entry as the end of the log.
 */
final class LogWriter {

    /** Preallocate once the write position comes this close to the end of the file (ZooKeeper's margin). */
    private static final long PREALLOCATE_MARGIN = 4096;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final long preallocateBytes;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long written;
    private long allocated;

    private LogWriter(Path file, FileChannel channel, long preallocateBytes) {
        this.file = file;
        this.channel = channel;
        this.preallocateBytes = preallocateBytes;
    }

    /**
     * Creates {@code file} with its header written through to the channel, so that the header
     * precedes the preallocated zeros, as in ZooKeeper.
     */
    static LogWriter create(Path file, ChannelOpener opener, long preallocateBytes) throws IOException {
        FileChannel channel = opener.create(file);
        LogWriter writer = new LogWriter(file, channel, preallocateBytes);
        try {
            writer.writeFully(LogFormat.header());
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return writer;
    }

    Path file() {
        return file;
    }

    /** The bytes of header and entries appended, flushed or not (not counting preallocated zeros). */
    long size() {
        return written + buffer.position();
    }

    void append(byte[] txn) throws IOException {
        preallocate();
        int entryBytes = LogFormat.entryBytes(txn.length);
        long checksum = LogFormat.checksum(txn);
        if (entryBytes > buffer.remaining()) {
            flush();
        }
        if (entryBytes > buffer.capacity()) {
            writeFully(ByteBuffer.allocate(LogFormat.ENTRY_PREFIX_BYTES).putLong(checksum).putInt(txn.length).flip());
            writeFully(ByteBuffer.wrap(txn));
            writeFully(ByteBuffer.wrap(new byte[] {LogFormat.END_OF_RECORD}));
        } else {
            buffer.putLong(checksum).putInt(txn.length).put(txn).put(LogFormat.END_OF_RECORD);
        }
    }

    /** ZooKeeper's FilePadding rule: extend by a block when within 4 KiB of the end, by writing the block's last byte. */
    private void preallocate() throws IOException {
        long position = size();
        if (preallocateBytes <= 0 || position + PREALLOCATE_MARGIN < allocated) {
            return;
        }
        long newSize;
        if (position > allocated) {
            newSize = position + preallocateBytes;
            newSize -= newSize % preallocateBytes;
        } else {
            newSize = allocated + preallocateBytes;
        }
        ByteBuffer zero = ByteBuffer.allocate(1);
        while (zero.hasRemaining()) {
            channel.write(zero, newSize - 1 + zero.position());
        }
        allocated = newSize;
    }

    /** Hands the buffered entries to the operating system. */
    void flush() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    /** Makes what was flushed durable. */
    void force() throws IOException {
        channel.force(false);
    }

    void close() throws IOException {
        channel.close();
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            written += channel.write(bytes);
        }
    }
}
