package org.zkplatform.zab.proto;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;

/**
 * Reads jute from a stream too large to hold in memory (a snapshot), with the same bounds as
 * {@link JuteInput}: every length is checked before anything is allocated. Keeps an Adler32 of
 * the bytes consumed so far, which is how ZooKeeper seals its snapshots.
 */
public final class JuteStreamInput {

    private final InputStream in;
    private final int maxFieldBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private final Adler32 checksum = new Adler32();
    private int position;
    private int limit;
    private long consumed;

    public JuteStreamInput(InputStream in, int maxFieldBytes) {
        this.in = in;
        this.maxFieldBytes = maxFieldBytes;
    }

    /** The Adler32 of every byte read so far. */
    public long checksum() {
        return checksum.getValue();
    }

    /** Bytes read so far. */
    public long position() {
        return consumed;
    }

    /** Whether the stream ends here. */
    public boolean atEnd() throws IOException {
        return !fill(1);
    }

    public int readInt() throws IOException {
        require(4);
        int v = (buffer[position] & 0xFF) << 24 | (buffer[position + 1] & 0xFF) << 16
                | (buffer[position + 2] & 0xFF) << 8 | buffer[position + 3] & 0xFF;
        consume(4);
        return v;
    }

    public long readLong() throws IOException {
        long high = readInt() & 0xFFFF_FFFFL;
        return high << 32 | readInt() & 0xFFFF_FFFFL;
    }

    /** A {@code buffer}; null for length -1. */
    public byte[] readBuffer() throws IOException {
        int length = length();
        return length < 0 ? null : readBytes(length);
    }

    private byte[] readBytes(int length) throws IOException {
        byte[] bytes = new byte[length];
        int copied = 0;
        while (copied < length) {
            require(1);
            int n = Math.min(limit - position, length - copied);
            System.arraycopy(buffer, position, bytes, copied, n);
            consume(n);
            copied += n;
        }
        return bytes;
    }

    /** A {@code ustring}; null for length -1. Decoded in place when it fits the buffer. */
    public String readString() throws IOException {
        int length = length();
        if (length < 0) {
            return null;
        }
        if (length <= buffer.length && fill(length)) {
            String s = new String(buffer, position, length, StandardCharsets.UTF_8);
            consume(length);
            return s;
        }
        return new String(readBytes(length), StandardCharsets.UTF_8);
    }

    /** A {@code vector<ACL>}; null for count -1. */
    public List<Acl> readAclList() throws IOException {
        int count = readInt();
        if (count == -1) {
            return null;
        }
        if (count < 0 || count > maxFieldBytes / Acl.MIN_BYTES) {
            throw new JuteException("Unreasonable ACL count = " + count);
        }
        List<Acl> acl = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int perms = readInt();
            acl.add(new Acl(perms, new org.zkplatform.api.auth.Id(nonNull(readString()), nonNull(readString()))));
        }
        return acl;
    }

    /** A {@code vector<Id>}; null for count -1. */
    public List<org.zkplatform.api.auth.Id> readIdList() throws IOException {
        int count = readInt();
        if (count == -1) {
            return null;
        }
        if (count < 0 || count > maxFieldBytes / 8) {
            throw new JuteException("Unreasonable id count = " + count);
        }
        List<org.zkplatform.api.auth.Id> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(new org.zkplatform.api.auth.Id(nonNull(readString()), nonNull(readString())));
        }
        return ids;
    }

    private static String nonNull(String s) throws JuteException {
        if (s == null) {
            throw new JuteException("null string in an ACL id");
        }
        return s;
    }

    private int length() throws IOException {
        int length = readInt();
        if (length < -1 || length > maxFieldBytes) {
            throw new JuteException("Unreasonable length = " + length);
        }
        return length;
    }

    private void consume(int n) {
        checksum.update(buffer, position, n);
        position += n;
        consumed += n;
    }

    private void require(int n) throws IOException {
        if (!fill(n)) {
            throw new EOFException("the stream ends after " + consumed + " bytes");
        }
    }

    /** Makes {@code n} bytes available if the stream has them. */
    private boolean fill(int n) throws IOException {
        if (limit - position >= n) {
            return true;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < n) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }
}
