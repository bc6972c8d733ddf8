package org.zkplatform.zab.proto;

/**
 * Replace a znode's data.
 *
 * @param version the expected version, or -1 for any
 */
public record SetDataRequest(String path, byte[] data, int version) implements JuteRecord {

    public static SetDataRequest read(JuteInput in) throws JuteException {
        return new SetDataRequest(in.readString(), in.readBuffer(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        out.writeInt(version);
    }
}
