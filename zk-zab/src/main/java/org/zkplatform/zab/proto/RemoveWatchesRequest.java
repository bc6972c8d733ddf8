package org.zkplatform.zab.proto;

/**
 * Remove the session's watches of a type on a path.
 *
 * @param type a {@link WatcherType} code
 */
public record RemoveWatchesRequest(String path, int type) implements JuteRecord {

    public static RemoveWatchesRequest read(JuteInput in) throws JuteException {
        return new RemoveWatchesRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(type);
    }
}
