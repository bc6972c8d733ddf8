package org.zkplatform.zab.tree;

import org.zkplatform.zab.proto.CheckVersionTxn;
import org.zkplatform.zab.proto.CloseSessionTxn;
import org.zkplatform.zab.proto.CreateContainerTxn;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.CreateTTLTxn;
import org.zkplatform.zab.proto.CreateTxn;
import org.zkplatform.zab.proto.DeleteTxn;
import org.zkplatform.zab.proto.ErrorTxn;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.MultiTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.SetACLTxn;
import org.zkplatform.zab.proto.SetDataTxn;

/** Which record follows a TxnHeader of a given type. */
public final class TxnRecords {

    private TxnRecords() {
    }

    /**
     * Reads the record of a txn of {@code type} from {@code in}; null for types without one
     * (and for a closeSession without a body).
     */
    public static JuteRecord read(int type, JuteInput in) throws JuteException {
        switch (type) {
            case OpCode.CREATE:
            case OpCode.CREATE2:
                return CreateTxn.read(in);
            case OpCode.CREATE_CONTAINER:
                return CreateContainerTxn.read(in);
            case OpCode.CREATE_TTL:
                return CreateTTLTxn.read(in);
            case OpCode.DELETE:
            case OpCode.DELETE_CONTAINER:
                return DeleteTxn.read(in);
            case OpCode.SET_DATA:
            case OpCode.RECONFIG:
                return SetDataTxn.read(in);
            case OpCode.SET_ACL:
                return SetACLTxn.read(in);
            case OpCode.ERROR:
                return ErrorTxn.read(in);
            case OpCode.CHECK:
                return CheckVersionTxn.read(in);
            case OpCode.MULTI:
                return MultiTxn.read(in);
            case OpCode.CREATE_SESSION:
                return CreateSessionTxn.read(in);
            case OpCode.CLOSE_SESSION:
                return in.hasRemaining() ? CloseSessionTxn.read(in) : null;
            default:
                throw new JuteException("unknown txn type " + type);
        }
    }
}
