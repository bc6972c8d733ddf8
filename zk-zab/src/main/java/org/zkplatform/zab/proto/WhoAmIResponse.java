package org.zkplatform.zab.proto;

import java.util.List;

/**
 * The reply to whoAmI: one entry per identity of the connection.
 */
public record WhoAmIResponse(List<ClientInfo> clientInfo) implements JuteRecord {

    public static WhoAmIResponse read(JuteInput in) throws JuteException {
        return new WhoAmIResponse(ClientInfo.readList(in));
    }

    @Override
    public void write(JuteOutput out) {
        ClientInfo.writeList(clientInfo, out);
    }
}
