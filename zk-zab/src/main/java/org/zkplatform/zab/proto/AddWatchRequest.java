package org.zkplatform.zab.proto;

/**
 * Add a persistent watch.
 *
 * @param mode an {@link AddWatchMode} code
 */
public record AddWatchRequest(String path, int mode) implements JuteRecord {

    public static AddWatchRequest read(JuteInput in) throws JuteException {
        return new AddWatchRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(mode);
    }
}
