package org.zkplatform.zab.proto;

/**
 * The first frame of a client connection, sent without a request header.
 *
 * @param protocolVersion always 0
 * @param lastZxidSeen the highest zxid the client has seen; 0 for a new client
 * @param timeOut the requested session timeout in ms
 * @param sessionId the session to resume, or 0 for a new one
 * @param passwd the session password; 16 zero bytes for a new session
 * @param readOnly whether the client accepts a read-only server
 * @param readOnlyPresent whether the trailing readOnly byte was sent; a server answers in kind
 */
public record ConnectRequest(
        int protocolVersion,
        long lastZxidSeen,
        int timeOut,
        long sessionId,
        byte[] passwd,
        boolean readOnly,
        boolean readOnlyPresent) implements JuteRecord {

    public ConnectRequest {
        if (readOnly && !readOnlyPresent) {
            throw new IllegalArgumentException("readOnly is set but not present");
        }
    }

    /** Reads the five fixed fields, then the readOnly byte if any bytes are left. */
    public static ConnectRequest read(JuteInput in) throws JuteException {
        int protocolVersion = in.readInt();
        long lastZxidSeen = in.readLong();
        int timeOut = in.readInt();
        long sessionId = in.readLong();
        byte[] passwd = in.readBuffer();
        boolean present = in.hasRemaining();
        boolean readOnly = present && in.readBoolean();
        return new ConnectRequest(protocolVersion, lastZxidSeen, timeOut, sessionId, passwd, readOnly, present);
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(protocolVersion);
        out.writeLong(lastZxidSeen);
        out.writeInt(timeOut);
        out.writeLong(sessionId);
        out.writeBuffer(passwd);
        if (readOnlyPresent) {
            out.writeBoolean(readOnly);
        }
    }
}
