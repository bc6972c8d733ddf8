package org.zkplatform.zab.request;

import java.util.List;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.tree.DataNode;

/**
 * What a node will look like once every txn prepared so far is applied: the facts prep needs to
 * validate the next write (ZooKeeper's ChangeRecord).
 *
 * @param zxid the txn that made this record; -1 for a record read from the tree
 * @param exists false for a node a pending txn deletes
 * @param cversion the stored cversion (creates of children)
 */
record ChangeRecord(long zxid, String path, boolean exists, int version, int cversion, int aversion,
                    long ephemeralOwner, int childCount, List<Acl> acl) {

    static ChangeRecord of(String path, DataNode node) {
        return new ChangeRecord(-1, path, true, node.version(), node.storedCversion(), node.aversion(),
                node.ephemeralOwner(), node.childCount(), node.acl());
    }

    static ChangeRecord created(long zxid, String path, long ephemeralOwner, List<Acl> acl) {
        return new ChangeRecord(zxid, path, true, 0, 0, 0, ephemeralOwner, 0, acl);
    }

    static ChangeRecord deleted(long zxid, String path) {
        return new ChangeRecord(zxid, path, false, -1, 0, 0, 0, 0, null);
    }

    ChangeRecord withChild(long zxid, int newCversion) {
        return new ChangeRecord(zxid, path, exists, version, newCversion, aversion, ephemeralOwner, childCount + 1, acl);
    }

    ChangeRecord withoutChild(long zxid) {
        return new ChangeRecord(zxid, path, exists, version, cversion, aversion, ephemeralOwner, childCount - 1, acl);
    }

    ChangeRecord touched(long zxid) {
        return new ChangeRecord(zxid, path, exists, version, cversion, aversion, ephemeralOwner, childCount, acl);
    }

    ChangeRecord withVersion(long zxid, int newVersion) {
        return new ChangeRecord(zxid, path, exists, newVersion, cversion, aversion, ephemeralOwner, childCount, acl);
    }

    ChangeRecord withAcl(long zxid, int newAversion, List<Acl> newAcl) {
        return new ChangeRecord(zxid, path, exists, version, cversion, newAversion, ephemeralOwner, childCount, newAcl);
    }
}
