package org.zkplatform.zab.proto;

/**
 * Delete a znode.
 *
 * @param version the expected version, or -1 for any
 */
public record DeleteRequest(String path, int version) implements JuteRecord {

    public static DeleteRequest read(JuteInput in) throws JuteException {
        return new DeleteRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(version);
    }
}
