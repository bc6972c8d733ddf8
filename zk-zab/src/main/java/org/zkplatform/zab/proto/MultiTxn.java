package org.zkplatform.zab.proto;

import java.util.List;

/**
 * The txn of multi: all its sub-txns, applied together or, if one failed, as error txns.
 */
public record MultiTxn(List<Txn> txns) implements JuteRecord {

    public static MultiTxn read(JuteInput in) throws JuteException {
        return new MultiTxn(Txn.readList(in));
    }

    @Override
    public void write(JuteOutput out) {
        Txn.writeList(txns, out);
    }
}
