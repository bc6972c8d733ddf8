package org.zkplatform.zab.proto;

/**
 * The txn of a check op inside a multi.
 *
 * @param version the node's current version plus one
 */
public record CheckVersionTxn(String path, int version) implements JuteRecord {

    public static CheckVersionTxn read(JuteInput in) throws JuteException {
        return new CheckVersionTxn(in.readString(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(version);
    }
}
