package org.zkplatform.zab.proto;

/**
 * Bring the serving server up to date with the leader before replying.
 */
public record SyncRequest(String path) implements JuteRecord {

    public static SyncRequest read(JuteInput in) throws JuteException {
        return new SyncRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
