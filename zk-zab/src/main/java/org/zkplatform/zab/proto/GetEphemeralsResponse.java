package org.zkplatform.zab.proto;

import java.util.List;

/**
 * The reply to getEphemerals.
 */
public record GetEphemeralsResponse(List<String> ephemerals) implements JuteRecord {

    public static GetEphemeralsResponse read(JuteInput in) throws JuteException {
        return new GetEphemeralsResponse(in.readStringList());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeStringList(ephemerals);
    }
}
