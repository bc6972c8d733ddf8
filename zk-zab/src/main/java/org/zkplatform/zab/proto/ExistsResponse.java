package org.zkplatform.zab.proto;

import java.util.Objects;

/**
 * The reply to exists.
 */
public record ExistsResponse(Stat stat) implements JuteRecord {

    public ExistsResponse {
        Objects.requireNonNull(stat, "stat is null");
    }

    public static ExistsResponse read(JuteInput in) throws JuteException {
        return new ExistsResponse(Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        stat.write(out);
    }
}
