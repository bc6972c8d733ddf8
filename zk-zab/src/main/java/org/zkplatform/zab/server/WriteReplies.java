package org.zkplatform.zab.server;

import java.util.ArrayList;
import java.util.List;
import org.zkplatform.zab.proto.Create2Response;
import org.zkplatform.zab.proto.CreateResponse;
import org.zkplatform.zab.proto.MultiResponse;
import org.zkplatform.zab.proto.MultiResult;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.SetACLResponse;
import org.zkplatform.zab.proto.SetDataResponse;
import org.zkplatform.zab.tree.TxnResult;

/** The reply to a write, from what applying its txn did (ZooKeeper's FinalRequestProcessor, write side). */
final class WriteReplies {

    private WriteReplies() {
    }

    /** @param type the request's op code, which decides the response record */
    static Reply of(int type, TxnResult result) {
        if (type == OpCode.MULTI && result.type() == OpCode.MULTI) {
            // A multi's own reply carries no error: each op's outcome is in the results.
            return Reply.ok(multi(result));
        }
        if (!result.isOk()) {
            return Reply.error(result.error());
        }
        switch (type) {
            case OpCode.CREATE:
                return Reply.ok(new CreateResponse(result.path()));
            case OpCode.CREATE2:
            case OpCode.CREATE_CONTAINER:
            case OpCode.CREATE_TTL:
                return Reply.ok(new Create2Response(result.path(), result.stat()));
            case OpCode.SET_DATA:
                return Reply.ok(new SetDataResponse(result.stat()));
            case OpCode.SET_ACL:
                return Reply.ok(new SetACLResponse(result.stat()));
            default:
                return Reply.OK_EMPTY;
        }
    }

    private static MultiResponse multi(TxnResult result) {
        List<MultiResult> results = new ArrayList<>(result.multi().size());
        for (TxnResult sub : result.multi()) {
            results.add(subResult(sub));
        }
        return new MultiResponse(results);
    }

    private static MultiResult subResult(TxnResult sub) {
        switch (sub.type()) {
            case OpCode.CHECK:
                return new MultiResult.Check();
            case OpCode.CREATE:
                return new MultiResult.Create(new CreateResponse(sub.path()));
            case OpCode.CREATE2:
            case OpCode.CREATE_TTL:
            case OpCode.CREATE_CONTAINER:
                return new MultiResult.Create2(new Create2Response(sub.path(), sub.stat()));
            case OpCode.DELETE:
            case OpCode.DELETE_CONTAINER:
                return new MultiResult.Delete();
            case OpCode.SET_DATA:
                return new MultiResult.SetData(new SetDataResponse(sub.stat()));
            case OpCode.ERROR:
                return new MultiResult.Error(sub.error().code());
            default:
                throw new IllegalStateException("a multi cannot hold an op of type " + sub.type());
        }
    }
}
