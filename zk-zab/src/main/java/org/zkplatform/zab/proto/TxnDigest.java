package org.zkplatform.zab.proto;

/**
 * The data tree's digest after a txn, appended to it so that servers can detect divergence.
 *
 * @param version the digest algorithm's version (2)
 * @param treeDigest the wrapping sum of every node's digest
 */
public record TxnDigest(int version, long treeDigest) implements JuteRecord {

    /** Encoded size. */
    public static final int BYTES = 12;

    public static TxnDigest read(JuteInput in) throws JuteException {
        return new TxnDigest(in.readInt(), in.readLong());
    }

    /**
     * The digest at the end of a txn, or null if the txn has none: too few bytes left to hold
     * one counts as none, as in Apache ZooKeeper.
     */
    public static TxnDigest readOptional(JuteInput in) throws JuteException {
        return in.remaining() >= BYTES ? read(in) : null;
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(version);
        out.writeLong(treeDigest);
    }
}
