package org.zkplatform.zab.proto;

import java.util.List;

/**
 * The txn of create and create2.
 *
 * @param path the path created, with any sequence suffix
 * @param acl the ACL, already fixed up
 * @param ephemeral whether the node belongs to the txn's session
 * @param parentCVersion the parent's new stored cversion; -1 in old (V0) txns, meaning
 *     "the parent's cversion plus one"
 */
public record CreateTxn(String path, byte[] data, List<Acl> acl, boolean ephemeral, int parentCVersion)
        implements JuteRecord {

    /**
     * Reads the txn; if the bytes end before {@code parentCVersion}, reads it as the old V0
     * layout, which lacks that field, as Apache ZooKeeper does.
     */
    public static CreateTxn read(JuteInput in) throws JuteException {
        String path = in.readString();
        byte[] data = in.readBuffer();
        List<Acl> acl = Acl.readList(in);
        boolean ephemeral = in.readBoolean();
        int parentCVersion = in.remaining() >= 4 ? in.readInt() : -1;
        return new CreateTxn(path, data, acl, ephemeral, parentCVersion);
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        Acl.writeList(acl, out);
        out.writeBoolean(ephemeral);
        out.writeInt(parentCVersion);
    }
}
