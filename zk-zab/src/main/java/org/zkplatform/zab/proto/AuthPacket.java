package org.zkplatform.zab.proto;

/**
 * Add an identity to the connection (xid -4).
 *
 * @param type always 0
 * @param auth the scheme's credentials
 */
public record AuthPacket(int type, String scheme, byte[] auth) implements JuteRecord {

    public static AuthPacket read(JuteInput in) throws JuteException {
        return new AuthPacket(in.readInt(), in.readString(), in.readBuffer());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(type);
        out.writeString(scheme);
        out.writeBuffer(auth);
    }
}
