package org.zkplatform.zab.persistence;

import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.zab.tree.DataTree;

/**
 * What a server would start with, for {@code zk-tool check}: the database loaded exactly as at
 * startup ({@link DatabaseLoader}), reduced to the numbers an operator checks.
 *
 * @param lastZxid the zxid of the last txn applied
 * @param nodes the nodes in the tree, ZooKeeper's own included
 * @param sessions the open sessions
 */
public record DatabaseSummary(long lastZxid, int nodes, int sessions) {

    /**
     * Loads {@code storage} as the server does.
     *
     * @throws StorageException why the server would refuse to start
     */
    public static DatabaseSummary load(Storage storage, int maxFieldBytes) throws StorageException {
        DataTree tree = DatabaseLoader.load(storage, maxFieldBytes);
        return new DatabaseSummary(tree.lastProcessedZxid(), tree.nodeCount(), tree.sessions().size());
    }
}
