package org.zkplatform.zab.tree;

import java.util.function.Consumer;

/**
 * An open-addressing table of nodes with linear probing: one reference per slot, where the JDK's
 * hash collections spend an entry object per element. Subclasses say where a node belongs.
 */
abstract class NodeTable {

    private final int minCapacity;
    /** Grow above this share of slots used, in eighths. */
    private final int maxLoadEighths;
    DataNode[] table;
    private int size;

    NodeTable(int minCapacity, int maxLoadEighths) {
        this.minCapacity = minCapacity;
        this.maxLoadEighths = maxLoadEighths;
        this.table = new DataNode[minCapacity];
    }

    /** The node's home slot's hash. */
    abstract int hashOf(DataNode node);

    static int spread(int h) {
        return h ^ (h >>> 16);
    }

    final int size() {
        return size;
    }

    final void insert(DataNode node) {
        if ((size + 1) * 8 > table.length * maxLoadEighths) {
            resize(table.length * 2);
        }
        place(table, node);
        size++;
    }

    /** Empties slot {@code i} and closes the gap behind it, so later nodes stay reachable. */
    final void removeAt(int i) {
        table[i] = null;
        size--;
        int mask = table.length - 1;
        int gap = i;
        for (int j = (i + 1) & mask; table[j] != null; j = (j + 1) & mask) {
            int home = hashOf(table[j]) & mask;
            // Leave the node where it is if its home lies cyclically in (gap, j].
            boolean homeAfterGap = gap <= j ? home > gap && home <= j : home > gap || home <= j;
            if (!homeAfterGap) {
                table[gap] = table[j];
                table[j] = null;
                gap = j;
            }
        }
        if (size * 8 < table.length && table.length > minCapacity) {
            resize(Math.max(minCapacity, table.length / 2));
        }
    }

    final void forEach(Consumer<DataNode> action) {
        for (DataNode node : table) {
            if (node != null) {
                action.accept(node);
            }
        }
    }

    private void resize(int capacity) {
        DataNode[] resized = new DataNode[capacity];
        for (DataNode node : table) {
            if (node != null) {
                place(resized, node);
            }
        }
        table = resized;
    }

    private void place(DataNode[] into, DataNode node) {
        int mask = into.length - 1;
        int i = hashOf(node) & mask;
        while (into[i] != null) {
            i = (i + 1) & mask;
        }
        into[i] = node;
    }
}
