package org.zkplatform.zab.tree;

/**
 * The meanings packed into a node's {@code ephemeralOwner}: 0 for a persistent node, the owning
 * session for an ephemeral, a marker for a container, and the TTL in the low 40 bits under a
 * marker byte for a TTL node (ZooKeeper's EphemeralType, with extended types enabled).
 */
public final class EphemeralOwner {

    /** A container's owner value. */
    public static final long CONTAINER = Long.MIN_VALUE;

    /** The largest TTL a TTL node may have, in ms. */
    public static final long MAX_TTL_MILLIS = 0xFF_FFFF_FFFFL;

    private static final long TTL_MARKER = 0xFF00_0000_0000_0000L;
    private static final long TTL_MASK = 0xFFFF_0000_0000_0000L;

    private EphemeralOwner() {
    }

    public static long ttl(long ttlMillis) {
        if (ttlMillis <= 0 || ttlMillis > MAX_TTL_MILLIS) {
            throw new IllegalArgumentException("TTL out of range: " + ttlMillis);
        }
        return TTL_MARKER | ttlMillis;
    }

    public static boolean isContainer(long owner) {
        return owner == CONTAINER;
    }

    public static boolean isTtl(long owner) {
        return (owner & TTL_MASK) == TTL_MARKER;
    }

    public static long ttlMillisOf(long owner) {
        return owner & MAX_TTL_MILLIS;
    }

    /** Whether a session owns the node: neither persistent, container nor TTL. */
    public static boolean isSession(long owner) {
        return owner != 0 && !isContainer(owner) && !isTtl(owner);
    }

    /** What clients see in {@code Stat.ephemeralOwner}: the session, or 0. */
    public static long clientView(long owner) {
        return isSession(owner) ? owner : 0;
    }
}
