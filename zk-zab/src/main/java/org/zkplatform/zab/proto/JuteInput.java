package org.zkplatform.zab.proto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Reads jute primitives, big-endian, from a buffer that may come from anyone.
 *
 * <p>Every length and count is checked against the bytes that are left, and string and buffer
 * lengths also against {@code maxFieldBytes}, before anything is allocated, so a forged length
 * of two billion costs one exception. Running out of bytes is a {@link JuteException} too.
 *
 * <p>The reader works on its own view of the buffer: the caller's position is not moved. Not
 * thread-safe.
 */
public final class JuteInput {

    /**
     * Apache ZooKeeper's default per-field limit: {@code jute.maxbuffer} (1048575) plus the
     * default {@code zookeeper.jute.maxbuffer.extrasize}, which equals it.
     */
    public static final int DEFAULT_MAX_FIELD_BYTES = 2 * 1_048_575;

    /** Reads one item of a vector. */
    @FunctionalInterface
    public interface ItemReader<T> {
        T read(JuteInput in) throws JuteException;
    }

    private final ByteBuffer buffer;
    private final int maxFieldBytes;

    /** A reader of the bytes between {@code buffer}'s position and limit. */
    public JuteInput(ByteBuffer buffer, int maxFieldBytes) {
        Objects.requireNonNull(buffer, "buffer is null");
        if (maxFieldBytes < 0) {
            throw new IllegalArgumentException("maxFieldBytes is negative: " + maxFieldBytes);
        }
        this.buffer = buffer.slice();
        this.maxFieldBytes = maxFieldBytes;
    }

    /** A reader with ZooKeeper's default per-field limit. */
    public JuteInput(ByteBuffer buffer) {
        this(buffer, DEFAULT_MAX_FIELD_BYTES);
    }

    /** A reader of all of {@code bytes}, with ZooKeeper's default per-field limit. */
    public JuteInput(byte[] bytes) {
        this(ByteBuffer.wrap(bytes));
    }

    public int remaining() {
        return buffer.remaining();
    }

    public boolean hasRemaining() {
        return buffer.hasRemaining();
    }

    public byte readByte() throws JuteException {
        need(1);
        return buffer.get();
    }

    /** Any non-zero byte is true, as in {@code DataInput.readBoolean}. */
    public boolean readBoolean() throws JuteException {
        return readByte() != 0;
    }

    public int readInt() throws JuteException {
        need(4);
        return buffer.getInt();
    }

    public long readLong() throws JuteException {
        need(8);
        return buffer.getLong();
    }

    /** A {@code ustring}: length -1 is null; the bytes are decoded as standard UTF-8. */
    public String readString() throws JuteException {
        int len = readFieldLength();
        if (len < 0) {
            return null;
        }
        String s;
        if (buffer.hasArray()) {
            s = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), len, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + len);
        } else {
            byte[] bytes = new byte[len];
            buffer.get(bytes);
            s = new String(bytes, StandardCharsets.UTF_8);
        }
        return s;
    }

    /** A {@code buffer}: length -1 is null. */
    public byte[] readBuffer() throws JuteException {
        int len = readFieldLength();
        if (len < 0) {
            return null;
        }
        byte[] bytes = new byte[len];
        buffer.get(bytes);
        return bytes;
    }

    /** A {@code vector<ustring>}: count -1 is a null list; items may be null strings. */
    public List<String> readStringList() throws JuteException {
        return readList(4, JuteInput::readString);
    }

    /**
     * A {@code vector<T>}: count -1 is a null list; the list returned is unmodifiable.
     *
     * @param minItemBytes the fewest bytes one item can take, used to reject a count that
     *     the remaining bytes cannot hold before the list is allocated
     */
    public <T> List<T> readList(int minItemBytes, ItemReader<T> reader) throws JuteException {
        if (minItemBytes < 1) {
            throw new IllegalArgumentException("minItemBytes must be positive: " + minItemBytes);
        }
        int count = readInt();
        if (count == -1) {
            return null;
        }
        if (count < -1) {
            throw new JuteException("Unreasonable vector count = " + count);
        }
        long atLeast = (long) count * minItemBytes;
        if (atLeast > buffer.remaining()) {
            throw new JuteException("truncated record: vector of " + count + " items needs at least "
                    + atLeast + " bytes, have " + buffer.remaining());
        }
        List<T> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(reader.read(this));
        }
        return Collections.unmodifiableList(items);
    }

    /** Reads a string or buffer length and checks it; returns -1 for null. */
    private int readFieldLength() throws JuteException {
        int len = readInt();
        if (len == -1) {
            return -1;
        }
        if (len < 0 || len > maxFieldBytes) {
            throw new JuteException("Unreasonable length = " + len + " (limit " + maxFieldBytes + ")");
        }
        need(len);
        return len;
    }

    private void need(int bytes) throws JuteException {
        if (buffer.remaining() < bytes) {
            throw new JuteException("truncated record: need " + bytes + " bytes, have " + buffer.remaining());
        }
    }
}
