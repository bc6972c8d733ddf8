package org.zkplatform.zab.proto;

/**
 * The reply to sync: the path, echoed.
 */
public record SyncResponse(String path) implements JuteRecord {

    public static SyncResponse read(JuteInput in) throws JuteException {
        return new SyncResponse(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
