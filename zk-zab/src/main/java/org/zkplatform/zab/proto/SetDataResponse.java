package org.zkplatform.zab.proto;

import java.util.Objects;

/**
 * The reply to setData.
 */
public record SetDataResponse(Stat stat) implements JuteRecord {

    public SetDataResponse {
        Objects.requireNonNull(stat, "stat is null");
    }

    public static SetDataResponse read(JuteInput in) throws JuteException {
        return new SetDataResponse(Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        stat.write(out);
    }
}
