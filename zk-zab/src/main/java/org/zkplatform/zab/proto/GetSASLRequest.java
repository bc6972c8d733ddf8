package org.zkplatform.zab.proto;

/**
 * A SASL token from the client (opcode sasl).
 */
public record GetSASLRequest(byte[] token) implements JuteRecord {

    public static GetSASLRequest read(JuteInput in) throws JuteException {
        return new GetSASLRequest(in.readBuffer());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeBuffer(token);
    }
}
