package org.zkplatform.zab.proto;

/**
 * A znode's metadata as snapshots store it (60 bytes): no data length or child count, which
 * are derived from the node itself.
 */
public record StatPersisted(
        long czxid,
        long mzxid,
        long ctime,
        long mtime,
        int version,
        int cversion,
        int aversion,
        long ephemeralOwner,
        long pzxid) implements JuteRecord {

    /** Encoded size. */
    public static final int BYTES = 60;

    public static StatPersisted read(JuteInput in) throws JuteException {
        return new StatPersisted(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readInt(), in.readInt(), in.readInt(), in.readLong(), in.readLong());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeLong(czxid);
        out.writeLong(mzxid);
        out.writeLong(ctime);
        out.writeLong(mtime);
        out.writeInt(version);
        out.writeInt(cversion);
        out.writeInt(aversion);
        out.writeLong(ephemeralOwner);
        out.writeLong(pzxid);
    }
}
