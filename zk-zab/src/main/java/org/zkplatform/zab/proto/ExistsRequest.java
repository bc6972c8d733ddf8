package org.zkplatform.zab.proto;

/**
 * Ask for a znode's stat, optionally leaving a watch even if it is missing.
 */
public record ExistsRequest(String path, boolean watch) implements JuteRecord {

    public static ExistsRequest read(JuteInput in) throws JuteException {
        return new ExistsRequest(in.readString(), in.readBoolean());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBoolean(watch);
    }
}
