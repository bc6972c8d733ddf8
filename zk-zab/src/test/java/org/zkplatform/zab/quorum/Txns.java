package org.zkplatform.zab.quorum;

import java.util.ArrayList;
import java.util.List;
import org.zkplatform.api.Zxid;
import org.zkplatform.zab.proto.CreateTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.SetDataTxn;
import org.zkplatform.zab.proto.TxnHeader;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.tree.DataTree;

/** Small txns for the quorum tests. */
final class Txns {

    private Txns() {
    }

    static Transaction setData(long epoch, long counter) {
        long zxid = Zxid.make(epoch, counter);
        return new Transaction(new TxnHeader(1, (int) counter, zxid, 0, OpCode.SET_DATA),
                new SetDataTxn("/n", new byte[] {(byte) counter}, (int) counter));
    }

    /** Creates {@code /n<counter>} under the root, as txn {@code counter} of {@code epoch}. */
    static Transaction create(long epoch, long counter) {
        long zxid = Zxid.make(epoch, counter);
        return new Transaction(new TxnHeader(1, (int) counter, zxid, 0, OpCode.CREATE),
                new CreateTxn("/n" + counter, new byte[] {(byte) counter}, DataTree.OPEN_ACL_UNSAFE, false,
                        (int) counter));
    }

    /** Creates for counters {@code from..to} of {@code epoch}. */
    static List<Transaction> creates(long epoch, long from, long to) {
        List<Transaction> txns = new ArrayList<>();
        for (long c = from; c <= to; c++) {
            txns.add(create(epoch, c));
        }
        return txns;
    }

    /** A committed log holding txns {@code from..to} of {@code epoch}. */
    static CommittedLog committed(long epoch, long from, long to) {
        CommittedLog log = new CommittedLog(CommittedLog.DEFAULT_CAPACITY);
        for (long c = from; c <= to; c++) {
            log.add(setData(epoch, c));
        }
        return log;
    }
}
