package org.zkplatform.zab.proto;

import java.util.List;
import java.util.Objects;

/**
 * The reply to getChildren2.
 */
public record GetChildren2Response(List<String> children, Stat stat) implements JuteRecord {

    public GetChildren2Response {
        Objects.requireNonNull(stat, "stat is null");
    }

    public static GetChildren2Response read(JuteInput in) throws JuteException {
        return new GetChildren2Response(in.readStringList(), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeStringList(children);
        stat.write(out);
    }
}
