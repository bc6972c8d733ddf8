package org.zkplatform.zab.proto;

/**
 * A SASL token from the server, the reply to sasl.
 */
public record SetSASLResponse(byte[] token) implements JuteRecord {

    public static SetSASLResponse read(JuteInput in) throws JuteException {
        return new SetSASLResponse(in.readBuffer());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeBuffer(token);
    }
}
