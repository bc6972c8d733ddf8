package org.zkplatform.api;

/**
 * The id of a server in an ensemble: ZooKeeper's {@code myid} / {@code server.N}.
 *
 * <p>Configured participants and observers have ids from 0 to 255 when extended types (TTL nodes)
 * are enabled, because the id is stored in the high byte of a session id; anonymous observers
 * get negative ids assigned by the leader or the election connection manager.
 */
public record ServerId(long value) implements Comparable<ServerId> {

    public static ServerId of(long value) {
        return new ServerId(value);
    }

    @Override
    public int compareTo(ServerId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
