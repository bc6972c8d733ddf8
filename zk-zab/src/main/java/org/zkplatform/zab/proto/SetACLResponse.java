package org.zkplatform.zab.proto;

import java.util.Objects;

/**
 * The reply to setACL.
 */
public record SetACLResponse(Stat stat) implements JuteRecord {

    public SetACLResponse {
        Objects.requireNonNull(stat, "stat is null");
    }

    public static SetACLResponse read(JuteInput in) throws JuteException {
        return new SetACLResponse(Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        stat.write(out);
    }
}
