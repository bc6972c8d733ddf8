package org.zkplatform.zab.quorum;

import org.zkplatform.api.Zxid;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.SetDataTxn;
import org.zkplatform.zab.proto.TxnHeader;
import org.zkplatform.zab.request.Transaction;

/** Small txns for the quorum tests. */
final class Txns {

    private Txns() {
    }

    static Transaction setData(long epoch, long counter) {
        long zxid = Zxid.make(epoch, counter);
        return new Transaction(new TxnHeader(1, (int) counter, zxid, 0, OpCode.SET_DATA),
                new SetDataTxn("/n", new byte[] {(byte) counter}, (int) counter));
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
