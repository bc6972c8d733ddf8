package org.zkplatform.zab.proto;

/**
 * The reply to create: the path created, with any sequence suffix.
 */
public record CreateResponse(String path) implements JuteRecord {

    public static CreateResponse read(JuteInput in) throws JuteException {
        return new CreateResponse(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
