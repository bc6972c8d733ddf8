package org.zkplatform.zab.proto;

import java.util.List;

/**
 * Create a znode: the body of create, create2 and createContainer.
 *
 * @param flags a {@link CreateMode} flag
 */
public record CreateRequest(String path, byte[] data, List<Acl> acl, int flags) implements JuteRecord {

    public static CreateRequest read(JuteInput in) throws JuteException {
        return new CreateRequest(in.readString(), in.readBuffer(), Acl.readList(in), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        Acl.writeList(acl, out);
        out.writeInt(flags);
    }
}
