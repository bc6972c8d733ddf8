package org.zkplatform.zab.tree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zkplatform.zab.proto.Acl;

/**
 * Shares one immutable list among all nodes with equal ACLs; most trees use a handful of ACLs
 * for millions of nodes. Counts references so a list no node uses any more is dropped.
 */
final class AclCache {

    private final Map<List<Acl>, Entry> entries = new HashMap<>();

    private static final class Entry {
        final List<Acl> acl;
        long references;

        Entry(List<Acl> acl) {
            this.acl = acl;
        }
    }

    /** The shared copy of {@code acl}, counted as one more use. */
    List<Acl> acquire(List<Acl> acl) {
        Entry entry = entries.computeIfAbsent(List.copyOf(acl), Entry::new);
        entry.references++;
        return entry.acl;
    }

    /** One use of {@code acl} fewer. */
    void release(List<Acl> acl) {
        Entry entry = entries.get(acl);
        if (entry != null && --entry.references <= 0) {
            entries.remove(acl);
        }
    }

    int size() {
        return entries.size();
    }

    /** Every distinct ACL in use, for snapshots. */
    Iterable<List<Acl>> all() {
        return entries.keySet();
    }
}
