package org.zkplatform.zab.proto;

/**
 * Precedes every server reply after the handshake, and every watch notification (xid -1).
 *
 * @param xid the request's xid, or -1 for a notification
 * @param zxid the server's last processed zxid when replying
 * @param err a {@link KeeperError} code; 0 on success
 */
public record ReplyHeader(int xid, long zxid, int err) implements JuteRecord {

    public static ReplyHeader read(JuteInput in) throws JuteException {
        return new ReplyHeader(in.readInt(), in.readLong(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(xid);
        out.writeLong(zxid);
        out.writeInt(err);
    }
}
