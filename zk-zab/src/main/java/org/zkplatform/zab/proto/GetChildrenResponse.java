package org.zkplatform.zab.proto;

import java.util.List;

/**
 * The reply to getChildren: child names only, in no particular order.
 */
public record GetChildrenResponse(List<String> children) implements JuteRecord {

    public static GetChildrenResponse read(JuteInput in) throws JuteException {
        return new GetChildrenResponse(in.readStringList());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeStringList(children);
    }
}
