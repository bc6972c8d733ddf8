package org.zkplatform.api;

/**
 * A ZooKeeper transaction id: the leader's epoch in the high 32 bits and a counter within that
 * epoch in the low 32 bits. Zxids order every write in the ensemble.
 *
 * <p>Hot paths pass zxids as plain {@code long}s; this type gives them names and a readable form.
 */
public record Zxid(long value) implements Comparable<Zxid> {

    public static final Zxid ZERO = new Zxid(0);

    public static Zxid of(long epoch, long counter) {
        return new Zxid(make(epoch, counter));
    }

    public static long make(long epoch, long counter) {
        return (epoch << 32) | (counter & 0xFFFF_FFFFL);
    }

    public static long epochOf(long zxid) {
        return zxid >>> 32;
    }

    public static long counterOf(long zxid) {
        return zxid & 0xFFFF_FFFFL;
    }

    public long epoch() {
        return epochOf(value);
    }

    public long counter() {
        return counterOf(value);
    }

    /** The zxid in ZooKeeper's usual log form, for example {@code 0x100000003}. */
    public static String toHex(long zxid) {
        return "0x" + Long.toHexString(zxid);
    }

    @Override
    public int compareTo(Zxid other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return toHex(value);
    }
}
