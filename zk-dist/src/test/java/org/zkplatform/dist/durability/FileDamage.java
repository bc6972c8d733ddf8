package org.zkplatform.dist.durability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The damage a disk or a crash does to a data dir's files, done on purpose. */
final class FileDamage {

    private static final int CHUNK = 64 * 1024;

    private FileDamage() {
    }

    /** Inverts the byte at {@code offset}, as a bad sector or a stray write would. */
    static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            if (channel.read(one, offset) != 1) {
                throw new IOException("no byte at " + offset + " in " + file);
            }
            one.put(0, (byte) ~one.get(0)).rewind();
            channel.write(one, offset);
            channel.force(true);
        }
    }

    /**
     * The offset of the last non-zero byte: the end of a preallocated txn log's data, since every
     * record ends with the non-zero end-of-record byte and the rest of the file is zeros.
     */
    static long lastNonZeroByte(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            for (long end = channel.size(); end > 0; end -= CHUNK) {
                long start = Math.max(0, end - CHUNK);
                chunk.clear().limit((int) (end - start));
                while (chunk.hasRemaining() && channel.read(chunk, start + chunk.position()) > 0) {
                    // read the whole chunk
                }
                for (int i = chunk.position() - 1; i >= 0; i--) {
                    if (chunk.get(i) != 0) {
                        return start + i;
                    }
                }
            }
            return -1;
        }
    }

    /** Cuts the file to {@code length} bytes, as a crash in the middle of an append leaves it. */
    static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        }
    }
}
