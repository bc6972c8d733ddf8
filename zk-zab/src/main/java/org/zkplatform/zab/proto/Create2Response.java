package org.zkplatform.zab.proto;

import java.util.Objects;

/**
 * The reply to create2, createContainer and createTTL: the path created and its stat.
 */
public record Create2Response(String path, Stat stat) implements JuteRecord {

    public Create2Response {
        Objects.requireNonNull(stat, "stat is null");
    }

    public static Create2Response read(JuteInput in) throws JuteException {
        return new Create2Response(in.readString(), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        stat.write(out);
    }
}
