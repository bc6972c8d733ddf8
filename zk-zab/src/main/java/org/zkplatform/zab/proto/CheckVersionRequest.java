package org.zkplatform.zab.proto;

/**
 * Assert a znode's version; valid only inside a multi.
 */
public record CheckVersionRequest(String path, int version) implements JuteRecord {

    public static CheckVersionRequest read(JuteInput in) throws JuteException {
        return new CheckVersionRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(version);
    }
}
