package org.zkplatform.zab.proto;

import java.util.List;
import org.zkplatform.api.auth.Id;

/**
 * The one record on the leader-learner link, sent back to back with no length prefix.
 *
 * @param type a {@link QuorumPacketType}
 * @param data the payload, which depends on the type
 * @param authinfo the client's identities on a REQUEST; otherwise null
 */
public record QuorumPacket(int type, long zxid, byte[] data, List<Id> authinfo) implements JuteRecord {

    public static QuorumPacket read(JuteInput in) throws JuteException {
        return new QuorumPacket(in.readInt(), in.readLong(), in.readBuffer(), IdCodec.readList(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(type);
        out.writeLong(zxid);
        out.writeBuffer(data);
        IdCodec.writeList(authinfo, out);
    }
}
