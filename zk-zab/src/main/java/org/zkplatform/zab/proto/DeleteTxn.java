package org.zkplatform.zab.proto;

/**
 * The txn of delete and deleteContainer.
 */
public record DeleteTxn(String path) implements JuteRecord {

    public static DeleteTxn read(JuteInput in) throws JuteException {
        return new DeleteTxn(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
