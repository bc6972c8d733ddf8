package org.zkplatform.zab.proto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Writes jute primitives, big-endian, into a byte array that doubles as it fills.
 *
 * <p>Strings are encoded exactly as Apache ZooKeeper's {@code BinaryOutputArchive} encodes
 * them: each UTF-16 code unit on its own, in 1, 2 or 3 bytes, so a surrogate pair becomes two
 * 3-byte sequences rather than one 4-byte UTF-8 sequence. Byte-identical output matters
 * wherever bytes are compared or digested across servers.
 *
 * <p>Not thread-safe.
 */
public final class JuteOutput {

    /** Writes one item of a vector. */
    @FunctionalInterface
    public interface ItemWriter<T> {
        void write(T item, JuteOutput out);
    }

    private static final int DEFAULT_CAPACITY = 256;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private byte[] bytes;
    private int size;

    public JuteOutput() {
        this(DEFAULT_CAPACITY);
    }

    public JuteOutput(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity is negative: " + initialCapacity);
        }
        bytes = new byte[initialCapacity];
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The bytes written, without copying: later writes may or may not show through. */
    public ByteBuffer toByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    /**
     * Moves the bytes written to {@code out}, adding them to {@code checksum}, and starts empty
     * again: for streams too large to build in memory, written record by record.
     */
    public void flushTo(java.io.OutputStream out, java.util.zip.Checksum checksum) throws java.io.IOException {
        checksum.update(bytes, 0, size);
        out.write(bytes, 0, size);
        size = 0;
    }

    /** Moves the bytes written to {@code out} and starts empty again. */
    public void flushTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(bytes, 0, size);
        size = 0;
    }

    public void writeByte(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    public void writeBoolean(boolean b) {
        writeByte(b ? (byte) 1 : (byte) 0);
    }

    public void writeInt(int v) {
        ensure(4);
        putInt(size, v);
        size += 4;
    }

    public void writeLong(long v) {
        ensure(8);
        putInt(size, (int) (v >>> 32));
        putInt(size + 4, (int) v);
        size += 8;
    }

    /** A {@code ustring}: null is length -1. See the class comment for the encoding. */
    public void writeString(String s) {
        if (s == null) {
            writeInt(-1);
            return;
        }
        int units = s.length();
        long encoded = encodedLength(s);
        ensure(4 + encoded);
        putInt(size, (int) encoded);
        int p = size + 4;
        byte[] b = bytes;
        if (encoded == units) {
            for (int i = 0; i < units; i++) {
                b[p++] = (byte) s.charAt(i);
            }
        } else {
            for (int i = 0; i < units; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    b[p++] = (byte) c;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | (c >> 6));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    b[p++] = (byte) (0xE0 | (c >> 12));
                    b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }
        size = p;
    }

    /** A {@code buffer}: null is length -1. */
    public void writeBuffer(byte[] buffer) {
        if (buffer == null) {
            writeInt(-1);
            return;
        }
        ensure(4L + buffer.length);
        putInt(size, buffer.length);
        System.arraycopy(buffer, 0, bytes, size + 4, buffer.length);
        size += 4 + buffer.length;
    }

    /** A {@code vector<ustring>}: a null list is count -1. */
    public void writeStringList(List<String> list) {
        if (list == null) {
            writeInt(-1);
            return;
        }
        writeInt(list.size());
        for (int i = 0, n = list.size(); i < n; i++) {
            writeString(list.get(i));
        }
    }

    /** A {@code vector<T>}: a null list is count -1. */
    public <T> void writeList(List<T> list, ItemWriter<? super T> writer) {
        if (list == null) {
            writeInt(-1);
            return;
        }
        writeInt(list.size());
        for (int i = 0, n = list.size(); i < n; i++) {
            writer.write(list.get(i), this);
        }
    }

    /**
     * Writes four zero bytes to be filled in later with {@link #patchInt}, typically a frame's
     * length prefix, and returns their position.
     */
    public int reserveInt() {
        int position = size;
        writeInt(0);
        return position;
    }

    /** Overwrites the four bytes at {@code position}, which must already have been written. */
    public void patchInt(int position, int value) {
        if (position < 0 || position > size - 4) {
            throw new IndexOutOfBoundsException("cannot patch 4 bytes at " + position + " of " + size);
        }
        putInt(position, value);
    }

    private void putInt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    private static long encodedLength(String s) {
        long n = 0;
        for (int i = 0, units = s.length(); i < units; i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return n;
    }

    private void ensure(long more) {
        if (more <= bytes.length - size) {
            return;
        }
        long needed = size + more;
        if (needed > MAX_CAPACITY) {
            throw new IllegalStateException("jute output would exceed " + MAX_CAPACITY + " bytes");
        }
        long doubled = Math.max(2L * bytes.length, DEFAULT_CAPACITY);
        bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_CAPACITY, Math.max(needed, doubled)));
    }
}
