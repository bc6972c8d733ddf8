package org.zkplatform.zab.tree;

import java.util.List;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.Stat;

/**
 * What applying one txn did, for the reply: ZooKeeper's ProcessTxnResult.
 *
 * @param type the txn type it reports as: the txn's own, or error for every op of a failed multi
 * @param error OK, or why it failed (an error txn carries its error; replay may meet NodeExists)
 * @param path the path it acted on (a create's full path, sequence suffix included), or null
 * @param stat the node's stat after a create, setData or setACL, or null
 * @param multi the results of a multi's ops, in order; empty otherwise
 */
public record TxnResult(int type, KeeperError error, String path, Stat stat, List<TxnResult> multi) {

    static TxnResult ok(int type, String path, Stat stat) {
        return new TxnResult(type, KeeperError.OK, path, stat, List.of());
    }

    static TxnResult failed(int type, KeeperError error, String path) {
        return new TxnResult(type, error, path, null, List.of());
    }

    public boolean isOk() {
        return error == KeeperError.OK;
    }
}
