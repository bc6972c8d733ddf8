package org.zkplatform.zab.tree;

/**
 * Every node by its path. The node holds its path, so a slot is one reference. Only the driver
 * thread uses it; a snapshot walks the tree through the children instead.
 */
final class PathTable extends NodeTable {

    PathTable() {
        super(1024, 6);
    }

    @Override
    int hashOf(DataNode node) {
        return hash(node.path);
    }

    /** String caches its hash; spreading it keeps similar paths apart. */
    private static int hash(String path) {
        return spread(path.hashCode());
    }

    DataNode get(String path) {
        int mask = table.length - 1;
        for (int i = hash(path) & mask; ; i = (i + 1) & mask) {
            DataNode node = table[i];
            if (node == null || node.path.equals(path)) {
                return node;
            }
        }
    }

    /** Adds a node whose path is not in the table. */
    void add(DataNode node) {
        insert(node);
    }

    /** Removes the node at {@code path}; returns it, or null if there was none. */
    DataNode remove(String path) {
        int mask = table.length - 1;
        for (int i = hash(path) & mask; table[i] != null; i = (i + 1) & mask) {
            DataNode node = table[i];
            if (node.path.equals(path)) {
                removeAt(i);
                return node;
            }
        }
        return null;
    }
}
