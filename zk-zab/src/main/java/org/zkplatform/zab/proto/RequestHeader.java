package org.zkplatform.zab.proto;

/**
 * Precedes every client request after the handshake.
 *
 * @param xid the client's request number, echoed in the reply; negative for pings (-2), auth
 *     (-4) and setWatches (-8)
 * @param type an {@link OpCode}
 */
public record RequestHeader(int xid, int type) implements JuteRecord {

    public static RequestHeader read(JuteInput in) throws JuteException {
        return new RequestHeader(in.readInt(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(xid);
        out.writeInt(type);
    }
}
