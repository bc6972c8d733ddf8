package org.zkplatform.zab.proto;

import java.util.List;

/**
 * The txn of createContainer.
 *
 * @param parentCVersion the parent's new stored cversion
 */
public record CreateContainerTxn(
        String path,
        byte[] data,
        List<Acl> acl,
        int parentCVersion) implements JuteRecord {

    public static CreateContainerTxn read(JuteInput in) throws JuteException {
        return new CreateContainerTxn(in.readString(), in.readBuffer(), Acl.readList(in), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        Acl.writeList(acl, out);
        out.writeInt(parentCVersion);
    }
}
