package org.zkplatform.zab.proto;

/**
 * The txn of createSession.
 *
 * @param timeOut the negotiated session timeout in ms
 */
public record CreateSessionTxn(int timeOut) implements JuteRecord {

    public static CreateSessionTxn read(JuteInput in) throws JuteException {
        return new CreateSessionTxn(in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(timeOut);
    }
}
