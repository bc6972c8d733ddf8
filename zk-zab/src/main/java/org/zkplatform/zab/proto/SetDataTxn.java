package org.zkplatform.zab.proto;

/**
 * The txn of setData, and of reconfig (path /zookeeper/config, version -1).
 *
 * @param version the node's new version
 */
public record SetDataTxn(String path, byte[] data, int version) implements JuteRecord {

    public static SetDataTxn read(JuteInput in) throws JuteException {
        return new SetDataTxn(in.readString(), in.readBuffer(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        out.writeInt(version);
    }
}
