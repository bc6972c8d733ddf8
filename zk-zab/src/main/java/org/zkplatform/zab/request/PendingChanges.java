package org.zkplatform.zab.request;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.DataNode;

/**
 * The changes of txns prepared but not yet applied, newest per path on top of the tree
 * (ZooKeeper's outstandingChanges). Records leave when their txn is applied.
 */
final class PendingChanges {

    private final DataTree tree;
    private final Deque<ChangeRecord> outstanding = new ArrayDeque<>();
    private final Map<String, ChangeRecord> byPath = new HashMap<>();

    PendingChanges(DataTree tree) {
        this.tree = tree;
    }

    /** The node as it will be, or null if it does not (or will not) exist. */
    ChangeRecord get(String path) {
        ChangeRecord pending = byPath.get(path);
        if (pending != null) {
            return pending.exists() ? pending : null;
        }
        DataNode node = tree.node(path);
        return node == null ? null : ChangeRecord.of(path, node);
    }

    /** The latest pending record for {@code path}, deleted or not; null if none is pending. */
    ChangeRecord pending(String path) {
        return byPath.get(path);
    }

    void add(ChangeRecord record) {
        outstanding.addLast(record);
        byPath.put(record.path(), record);
    }

    /** Forgets the records of txns up to {@code zxid}, now applied to the tree. */
    void applied(long zxid) {
        while (!outstanding.isEmpty() && outstanding.peekFirst().zxid() <= zxid) {
            ChangeRecord record = outstanding.pollFirst();
            if (byPath.get(record.path()) == record) {
                byPath.remove(record.path());
            }
        }
    }

    /**
     * Undoes the records of a failed multi ({@code zxid}), restoring the records that were latest
     * for its paths before it, unless their txns have been applied meanwhile.
     */
    void rollback(long zxid, Map<String, ChangeRecord> before) {
        for (Iterator<ChangeRecord> it = outstanding.descendingIterator(); it.hasNext(); ) {
            ChangeRecord record = it.next();
            if (record.zxid() != zxid) {
                break;
            }
            it.remove();
            byPath.remove(record.path());
        }
        if (outstanding.isEmpty()) {
            return;
        }
        long firstZxid = outstanding.peekFirst().zxid();
        for (ChangeRecord record : before.values()) {
            if (record.zxid() >= firstZxid) {
                byPath.put(record.path(), record);
            }
        }
    }

    /** Every pending record, oldest first. */
    List<ChangeRecord> all() {
        return List.copyOf(outstanding);
    }
}
