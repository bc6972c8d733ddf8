package org.zkplatform.zab.proto;

import java.util.Objects;

/**
 * The reply to getData, and to reconfig (the new config and the stat of /zookeeper/config).
 */
public record GetDataResponse(byte[] data, Stat stat) implements JuteRecord {

    public GetDataResponse {
        Objects.requireNonNull(stat, "stat is null");
    }

    public static GetDataResponse read(JuteInput in) throws JuteException {
        return new GetDataResponse(in.readBuffer(), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeBuffer(data);
        stat.write(out);
    }
}
