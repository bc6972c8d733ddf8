package org.zkplatform.zab.proto;

import java.util.List;

/** One identity of a connection, as whoAmI reports it. */
public record ClientInfo(String authScheme, String user) implements JuteRecord {

    /** The fewest bytes an encoded entry takes. */
    public static final int MIN_BYTES = 8;

    public static ClientInfo read(JuteInput in) throws JuteException {
        return new ClientInfo(in.readString(), in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(authScheme);
        out.writeString(user);
    }

    /** A {@code vector<ClientInfo>}; -1 is a null list. */
    public static List<ClientInfo> readList(JuteInput in) throws JuteException {
        return in.readList(MIN_BYTES, ClientInfo::read);
    }

    public static void writeList(List<ClientInfo> infos, JuteOutput out) {
        out.writeList(infos, ClientInfo::write);
    }
}
