package org.zkplatform.zab.proto;

import java.util.List;

/**
 * Replace a znode's ACL.
 *
 * @param version the expected ACL version (aversion), or -1 for any
 */
public record SetACLRequest(String path, List<Acl> acl, int version) implements JuteRecord {

    public static SetACLRequest read(JuteInput in) throws JuteException {
        return new SetACLRequest(in.readString(), Acl.readList(in), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        Acl.writeList(acl, out);
        out.writeInt(version);
    }
}
