package org.zkplatform.zab.proto;

/**
 * The server's first frame, the answer to {@link ConnectRequest}, sent without a reply header.
 *
 * @param protocolVersion 0
 * @param timeOut the negotiated timeout in ms; 0 means the session is invalid or expired
 * @param sessionId the session; 0 when invalid
 * @param passwd the session password; 16 zero bytes when invalid
 * @param readOnly whether the server is in read-only mode
 * @param readOnlyPresent whether to send the readOnly byte: only to clients that sent theirs
 */
public record ConnectResponse(
        int protocolVersion,
        int timeOut,
        long sessionId,
        byte[] passwd,
        boolean readOnly,
        boolean readOnlyPresent) implements JuteRecord {

    public ConnectResponse {
        if (readOnly && !readOnlyPresent) {
            throw new IllegalArgumentException("readOnly is set but not present");
        }
    }

    /** Reads the four fixed fields, then the readOnly byte if any bytes are left. */
    public static ConnectResponse read(JuteInput in) throws JuteException {
        int protocolVersion = in.readInt();
        int timeOut = in.readInt();
        long sessionId = in.readLong();
        byte[] passwd = in.readBuffer();
        boolean present = in.hasRemaining();
        boolean readOnly = present && in.readBoolean();
        return new ConnectResponse(protocolVersion, timeOut, sessionId, passwd, readOnly, present);
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(protocolVersion);
        out.writeInt(timeOut);
        out.writeLong(sessionId);
        out.writeBuffer(passwd);
        if (readOnlyPresent) {
            out.writeBoolean(readOnly);
        }
    }
}
