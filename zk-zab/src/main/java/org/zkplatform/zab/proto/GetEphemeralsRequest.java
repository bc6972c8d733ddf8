package org.zkplatform.zab.proto;

/**
 * List the calling session's ephemerals under a prefix.
 *
 * @param prefixPath a plain string prefix; null, empty or "/" means all
 */
public record GetEphemeralsRequest(String prefixPath) implements JuteRecord {

    public static GetEphemeralsRequest read(JuteInput in) throws JuteException {
        return new GetEphemeralsRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(prefixPath);
    }
}
