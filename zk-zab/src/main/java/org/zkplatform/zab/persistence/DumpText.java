package org.zkplatform.zab.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.Perms;

/** The text forms the dump tools give field values: short, one token each, never a line break. */
final class DumpText {

    /** Bytes of data shown before the preview is cut. */
    static final int PREVIEW_BYTES = 32;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DumpText() {
    }

    /** {@code 0x1a}: zxids and session ids as ZooKeeper prints them. */
    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** ISO-8601 in UTC with milliseconds, for example {@code 2024-05-01T10:00:00.123Z}. */
    static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis));
    }

    /** ZooKeeper's setAcl form, {@code [world:anyone:cdrwa,digest:bob:x:r]}; {@code null} for a null list. */
    static String acl(List<Acl> acl) {
        if (acl == null) {
            return "null";
        }
        return acl.stream().map(entry -> entry.id().scheme() + ":" + entry.id().id() + ":" + perms(entry.perms()))
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The permission letters in ZooKeeper's order, {@code cdrwa}. */
    static String perms(int perms) {
        StringBuilder letters = new StringBuilder();
        letters.append((perms & Perms.CREATE) != 0 ? "c" : "");
        letters.append((perms & Perms.DELETE) != 0 ? "d" : "");
        letters.append((perms & Perms.READ) != 0 ? "r" : "");
        letters.append((perms & Perms.WRITE) != 0 ? "w" : "");
        letters.append((perms & Perms.ADMIN) != 0 ? "a" : "");
        return letters.toString();
    }

    /**
     * The length and a quoted preview of the first {@link #PREVIEW_BYTES} bytes, for example
     * {@code 5:"hello"}; bytes that are not printable ASCII show as {@code \xNN}, and a cut preview
     * ends in {@code ...}.
     */
    static String data(byte[] data) {
        if (data == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder().append(data.length).append(":\"");
        for (int i = 0; i < Math.min(data.length, PREVIEW_BYTES); i++) {
            appendByte(text, data[i] & 0xFF);
        }
        text.append('"');
        return data.length > PREVIEW_BYTES ? text.append("...").toString() : text.toString();
    }

    /** A path or other string with its control characters escaped, so it stays on one line. */
    static String text(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                text.append(String.format("\\x%02x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static void appendByte(StringBuilder text, int b) {
        if (b == '"' || b == '\\') {
            text.append('\\').append((char) b);
        } else if (b >= 0x20 && b < 0x7F) {
            text.append((char) b);
        } else {
            text.append(String.format("\\x%02x", b));
        }
    }
}
