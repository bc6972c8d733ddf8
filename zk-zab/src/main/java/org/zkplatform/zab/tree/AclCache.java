package org.zkplatform.zab.tree;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zkplatform.zab.proto.Acl;

/**
 * Shares one immutable list among all nodes with equal ACLs (most trees use a handful of ACLs for
 * millions of nodes), and numbers them for snapshots, which store an ACL once and refer to it by
 * number from each node. Counts references so a list no node uses any more is dropped.
 * Synchronized: a snapshot reads it while txns change it.
 */
final class AclCache {

    /** The number snapshots use for world:anyone with all permissions, without a map entry. */
    static final long OPEN_INDEX = -1;

    private final Map<List<Acl>, Entry> entries = new HashMap<>();
    private long lastIndex;

    private static final class Entry {
        final List<Acl> acl;
        final long index;
        long references;

        Entry(List<Acl> acl, long index) {
            this.acl = acl;
            this.index = index;
        }
    }

    /** The shared copy of {@code acl}, counted as one more use. */
    synchronized List<Acl> acquire(List<Acl> acl) {
        Entry entry = entries.get(acl);
        if (entry == null) {
            List<Acl> copy = List.copyOf(acl);
            entry = new Entry(copy, ++lastIndex);
            entries.put(copy, entry);
        }
        entry.references++;
        return entry.acl;
    }

    /** One use of {@code acl} fewer. */
    synchronized void release(List<Acl> acl) {
        Entry entry = entries.get(acl);
        if (entry != null && --entry.references <= 0) {
            entries.remove(acl);
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** Every ACL in use but world:anyone, by number: the ACL map of a snapshot. */
    synchronized Map<Long, List<Acl>> numbered() {
        Map<Long, List<Acl>> byIndex = new LinkedHashMap<>();
        for (Entry entry : entries.values()) {
            if (!entry.acl.equals(DataTree.OPEN_ACL_UNSAFE)) {
                byIndex.put(entry.index, entry.acl);
            }
        }
        return byIndex;
    }
}
