package org.zkplatform.zab.proto;

/**
 * Count all descendants of a znode.
 */
public record GetAllChildrenNumberRequest(String path) implements JuteRecord {

    public static GetAllChildrenNumberRequest read(JuteInput in) throws JuteException {
        return new GetAllChildrenNumberRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
