package org.zkplatform.zab.tree;

import java.util.function.Consumer;

/**
 * Every node by its path, in an open-addressing table of node references: the node holds its
 * path, so a slot is one reference, where a hash map spends an entry object per node. Only the
 * driver thread uses it; a snapshot walks the tree through the children instead.
 */
final class PathTable {

    private DataNode[] table = new DataNode[1024];
    private int size;

    int size() {
        return size;
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
        if ((size + 1) * 3 > table.length * 2) {
            resize(table.length * 2);
        }
        insert(table, node);
        size++;
    }

    /** Removes the node at {@code path}; returns it, or null if there was none. */
    DataNode remove(String path) {
        int mask = table.length - 1;
        for (int i = hash(path) & mask; table[i] != null; i = (i + 1) & mask) {
            DataNode node = table[i];
            if (node.path.equals(path)) {
                table[i] = null;
                size--;
                shiftBack(i);
                return node;
            }
        }
        return null;
    }

    void forEach(Consumer<DataNode> action) {
        for (DataNode node : table) {
            if (node != null) {
                action.accept(node);
            }
        }
    }

    private void shiftBack(int freed) {
        int mask = table.length - 1;
        int gap = freed;
        for (int i = (freed + 1) & mask; table[i] != null; i = (i + 1) & mask) {
            int home = hash(table[i].path) & mask;
            boolean homeAfterGap = gap <= i ? home > gap && home <= i : home > gap || home <= i;
            if (!homeAfterGap) {
                table[gap] = table[i];
                table[i] = null;
                gap = i;
            }
        }
    }

    private void resize(int capacity) {
        DataNode[] bigger = new DataNode[capacity];
        for (DataNode node : table) {
            if (node != null) {
                insert(bigger, node);
            }
        }
        table = bigger;
    }

    private static void insert(DataNode[] table, DataNode node) {
        int mask = table.length - 1;
        int i = hash(node.path) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = node;
    }

    /** String caches its hash; spreading it keeps similar paths apart. */
    private static int hash(String path) {
        int h = path.hashCode();
        return h ^ (h >>> 16);
    }
}
