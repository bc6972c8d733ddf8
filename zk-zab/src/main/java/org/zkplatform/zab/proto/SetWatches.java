package org.zkplatform.zab.proto;

import java.util.List;

/**
 * Re-register a reconnecting client's watches (xid -8).
 *
 * @param relativeZxid the last zxid the client saw; changes after it fire at once
 */
public record SetWatches(
        long relativeZxid,
        List<String> dataWatches,
        List<String> existWatches,
        List<String> childWatches) implements JuteRecord {

    public static SetWatches read(JuteInput in) throws JuteException {
        return new SetWatches(in.readLong(), in.readStringList(), in.readStringList(), in.readStringList());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeLong(relativeZxid);
        out.writeStringList(dataWatches);
        out.writeStringList(existWatches);
        out.writeStringList(childWatches);
    }
}
