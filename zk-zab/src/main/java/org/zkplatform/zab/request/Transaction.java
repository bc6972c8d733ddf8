package org.zkplatform.zab.request;

import java.util.Objects;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.TxnHeader;

/**
 * A txn as it travels from prep to the log and the tree: decoded for applying, encoded once for
 * the log (and, in an ensemble, for proposals).
 *
 * @param record the txn record; null for a type without one
 */
public record Transaction(TxnHeader header, JuteRecord record) {

    public Transaction {
        Objects.requireNonNull(header, "header is null");
    }

    public long zxid() {
        return header.zxid();
    }

    /** The bytes ZooKeeper logs: the header, then the record. */
    public byte[] encode() {
        JuteOutput out = new JuteOutput(64);
        header.write(out);
        if (record != null) {
            record.write(out);
        }
        return out.toByteArray();
    }
}
