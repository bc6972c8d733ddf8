package org.zkplatform.zab.persistence;

import java.util.List;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.StatPersisted;

/**
 * Receives a snapshot's content as {@link SnapshotFormat} decodes it, in file order, so that
 * loading a tree and dumping a file share one decoder.
 */
interface SnapshotVisitor {

    void session(long id, int timeoutMs);

    /**
     * @param path the node's path, {@code /} for the root
     * @param acl its ACL, resolved from the snapshot's ACL map
     */
    void node(String path, byte[] data, List<Acl> acl, StatPersisted stat);
}
