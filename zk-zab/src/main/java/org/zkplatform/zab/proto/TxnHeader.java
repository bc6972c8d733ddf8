package org.zkplatform.zab.proto;

/**
 * Precedes every txn, in proposals and in the txn log.
 *
 * @param clientId the session that made the request
 * @param cxid the request's xid
 * @param time the leader's wall clock in ms
 * @param type an {@link OpCode}
 */
public record TxnHeader(long clientId, int cxid, long zxid, long time, int type) implements JuteRecord {

    public static TxnHeader read(JuteInput in) throws JuteException {
        return new TxnHeader(in.readLong(), in.readInt(), in.readLong(), in.readLong(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeLong(clientId);
        out.writeInt(cxid);
        out.writeLong(zxid);
        out.writeLong(time);
        out.writeInt(type);
    }
}
