package org.zkplatform.zab.proto;

/**
 * Ask whether the session holds a watch of a type on a path.
 *
 * @param type a {@link WatcherType} code
 */
public record CheckWatchesRequest(String path, int type) implements JuteRecord {

    public static CheckWatchesRequest read(JuteInput in) throws JuteException {
        return new CheckWatchesRequest(in.readString(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(type);
    }
}
