package org.zkplatform.zab.proto;

import java.util.List;

/**
 * One sub-txn of a {@link MultiTxn}: its type and its encoded record.
 *
 * @param type an {@link OpCode}: a create, delete, setData, check or error
 * @param data the encoded txn record
 */
public record Txn(int type, byte[] data) implements JuteRecord {

    /** The fewest bytes an encoded sub-txn takes. */
    public static final int MIN_BYTES = 8;

    /** A {@code vector<Txn>}; -1 is a null list. */
    public static List<Txn> readList(JuteInput in) throws JuteException {
        return in.readList(MIN_BYTES, Txn::read);
    }

    public static void writeList(List<Txn> txns, JuteOutput out) {
        out.writeList(txns, Txn::write);
    }

    public static Txn read(JuteInput in) throws JuteException {
        return new Txn(in.readInt(), in.readBuffer());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(type);
        out.writeBuffer(data);
    }
}
