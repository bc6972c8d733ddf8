package org.zkplatform.zab.proto;

/**
 * List a znode's children.
 */
public record GetChildrenRequest(String path, boolean watch) implements JuteRecord {

    public static GetChildrenRequest read(JuteInput in) throws JuteException {
        return new GetChildrenRequest(in.readString(), in.readBoolean());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBoolean(watch);
    }
}
