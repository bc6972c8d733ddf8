package org.zkplatform.zab.proto;

/**
 * Precedes each op and each result of a multi; a header with {@code done} set ends the list.
 *
 * @param type the op's {@link OpCode}, or -1 for an error result or the terminator
 * @param err -1 in requests; the error code of a result
 */
public record MultiHeader(int type, boolean done, int err) implements JuteRecord {

    public static MultiHeader read(JuteInput in) throws JuteException {
        return new MultiHeader(in.readInt(), in.readBoolean(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(type);
        out.writeBoolean(done);
        out.writeInt(err);
    }
}
