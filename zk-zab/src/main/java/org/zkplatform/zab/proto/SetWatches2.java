package org.zkplatform.zab.proto;

import java.util.List;

/**
 * {@link SetWatches} plus persistent watches; sent only when the client holds some.
 *
 * @param relativeZxid the last zxid the client saw; changes after it fire at once
 */
public record SetWatches2(
        long relativeZxid,
        List<String> dataWatches,
        List<String> existWatches,
        List<String> childWatches,
        List<String> persistentWatches,
        List<String> persistentRecursiveWatches) implements JuteRecord {

    public static SetWatches2 read(JuteInput in) throws JuteException {
        return new SetWatches2(
                in.readLong(),
                in.readStringList(),
                in.readStringList(),
                in.readStringList(),
                in.readStringList(),
                in.readStringList());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeLong(relativeZxid);
        out.writeStringList(dataWatches);
        out.writeStringList(existWatches);
        out.writeStringList(childWatches);
        out.writeStringList(persistentWatches);
        out.writeStringList(persistentRecursiveWatches);
    }
}
