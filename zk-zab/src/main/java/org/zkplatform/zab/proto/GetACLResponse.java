package org.zkplatform.zab.proto;

import java.util.List;
import java.util.Objects;

/**
 * The reply to getACL.
 */
public record GetACLResponse(List<Acl> acl, Stat stat) implements JuteRecord {

    public GetACLResponse {
        Objects.requireNonNull(stat, "stat is null");
    }

    public static GetACLResponse read(JuteInput in) throws JuteException {
        return new GetACLResponse(Acl.readList(in), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        Acl.writeList(acl, out);
        stat.write(out);
    }
}
