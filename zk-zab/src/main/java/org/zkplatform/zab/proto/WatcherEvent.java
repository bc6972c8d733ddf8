package org.zkplatform.zab.proto;

/**
 * A watch notification, sent after a {@code ReplyHeader} with xid -1.
 *
 * @param type an {@link EventType} code
 * @param state a {@link KeeperState} code
 */
public record WatcherEvent(int type, int state, String path) implements JuteRecord {

    public static WatcherEvent read(JuteInput in) throws JuteException {
        return new WatcherEvent(in.readInt(), in.readInt(), in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(type);
        out.writeInt(state);
        out.writeString(path);
    }
}
