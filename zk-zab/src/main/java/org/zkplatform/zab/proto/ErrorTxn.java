package org.zkplatform.zab.proto;

/**
 * The txn of a write that failed: it still takes a zxid.
 *
 * @param err a {@link KeeperError} code
 */
public record ErrorTxn(int err) implements JuteRecord {

    public static ErrorTxn read(JuteInput in) throws JuteException {
        return new ErrorTxn(in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(err);
    }
}
