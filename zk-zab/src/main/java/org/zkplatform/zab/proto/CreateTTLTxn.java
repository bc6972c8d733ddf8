package org.zkplatform.zab.proto;

import java.util.List;

/**
 * The txn of createTTL.
 *
 * @param parentCVersion the parent's new stored cversion
 * @param ttl milliseconds
 */
public record CreateTTLTxn(
        String path,
        byte[] data,
        List<Acl> acl,
        int parentCVersion,
        long ttl) implements JuteRecord {

    public static CreateTTLTxn read(JuteInput in) throws JuteException {
        return new CreateTTLTxn(
                in.readString(),
                in.readBuffer(),
                Acl.readList(in),
                in.readInt(),
                in.readLong());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        Acl.writeList(acl, out);
        out.writeInt(parentCVersion);
        out.writeLong(ttl);
    }
}
