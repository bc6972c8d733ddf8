package org.zkplatform.zab.proto;

/**
 * An error code as a record: the body of an error result in a multi, and of the addWatch
 * reply.
 *
 * @param err a {@link KeeperError} code
 */
public record ErrorResponse(int err) implements JuteRecord {

    public static ErrorResponse read(JuteInput in) throws JuteException {
        return new ErrorResponse(in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(err);
    }
}
