package org.zkplatform.zab.proto;

/**
 * Read a znode's data.
 */
public record GetDataRequest(String path, boolean watch) implements JuteRecord {

    public static GetDataRequest read(JuteInput in) throws JuteException {
        return new GetDataRequest(in.readString(), in.readBoolean());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBoolean(watch);
    }
}
