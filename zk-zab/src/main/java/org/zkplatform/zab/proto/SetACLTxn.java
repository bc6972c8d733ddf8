package org.zkplatform.zab.proto;

import java.util.List;

/**
 * The txn of setACL.
 *
 * @param version the node's new ACL version
 */
public record SetACLTxn(String path, List<Acl> acl, int version) implements JuteRecord {

    public static SetACLTxn read(JuteInput in) throws JuteException {
        return new SetACLTxn(in.readString(), Acl.readList(in), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        Acl.writeList(acl, out);
        out.writeInt(version);
    }
}
