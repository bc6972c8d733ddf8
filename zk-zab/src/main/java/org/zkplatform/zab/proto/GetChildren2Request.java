package org.zkplatform.zab.proto;

/**
 * List a znode's children and read its stat.
 */
public record GetChildren2Request(String path, boolean watch) implements JuteRecord {

    public static GetChildren2Request read(JuteInput in) throws JuteException {
        return new GetChildren2Request(in.readString(), in.readBoolean());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBoolean(watch);
    }
}
