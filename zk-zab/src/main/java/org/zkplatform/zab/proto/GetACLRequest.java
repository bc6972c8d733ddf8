package org.zkplatform.zab.proto;

/**
 * Read a znode's ACL.
 */
public record GetACLRequest(String path) implements JuteRecord {

    public static GetACLRequest read(JuteInput in) throws JuteException {
        return new GetACLRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
