package org.zkplatform.zab.proto;

import java.util.List;

/**
 * Create a znode that expires when childless and unchanged for {@code ttl} ms.
 *
 * @param flags a {@link CreateMode} flag
 * @param ttl milliseconds
 */
public record CreateTTLRequest(
        String path,
        byte[] data,
        List<Acl> acl,
        int flags,
        long ttl) implements JuteRecord {

    public static CreateTTLRequest read(JuteInput in) throws JuteException {
        return new CreateTTLRequest(
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
        out.writeInt(flags);
        out.writeLong(ttl);
    }
}
