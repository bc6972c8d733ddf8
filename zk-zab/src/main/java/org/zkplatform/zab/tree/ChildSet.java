package org.zkplatform.zab.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A node's children: the child nodes themselves, placed by the hash of their name. A child's name
 * is the last part of its own path, so no name string is stored twice, and a slot is one
 * reference where a HashSet of names costs an entry object and a string. This is most of what
 * keeps a znode small in memory.
 *
 * <p>Guarded by the owning node's lock.
 */
final class ChildSet extends NodeTable {

    ChildSet() {
        super(4, 6);
    }

    /** String's hash of the name part of the path, without making the substring. */
    @Override
    int hashOf(DataNode node) {
        String path = node.path;
        int h = 0;
        for (int i = path.lastIndexOf('/') + 1; i < path.length(); i++) {
            h = 31 * h + path.charAt(i);
        }
        return spread(h);
    }

    void add(DataNode child) {
        insert(child);
    }

    /** Removes {@code child}, found by identity. */
    boolean remove(DataNode child) {
        int mask = table.length - 1;
        for (int i = hashOf(child) & mask; table[i] != null; i = (i + 1) & mask) {
            if (table[i] == child) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /** The children, in table order. */
    List<DataNode> nodes() {
        List<DataNode> nodes = new ArrayList<>(size());
        forEach(nodes::add);
        return nodes;
    }

    /** The children's names, in table order. */
    List<String> names() {
        List<String> names = new ArrayList<>(size());
        forEach(node -> names.add(node.path.substring(node.path.lastIndexOf('/') + 1)));
        return names;
    }
}
