package org.zkplatform.zab.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A node's children: the child nodes themselves in an open-addressing table, placed by the hash
 * of their name. A child's name is the last part of its own path, so no name string is stored
 * twice; a slot costs one reference where a HashSet of names costs an entry object and a string.
 * This is most of what keeps a znode small in memory.
 *
 * <p>Guarded by the owning node's lock.
 */
final class ChildSet {

    private static final int MIN_CAPACITY = 4;

    private DataNode[] table = new DataNode[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    void add(DataNode child) {
        if ((size + 1) * 4 > table.length * 3) {
            resize(table.length * 2);
        }
        insert(table, child);
        size++;
    }

    /** Removes {@code child}, found by identity. */
    boolean remove(DataNode child) {
        int mask = table.length - 1;
        for (int i = nameHash(child.path) & mask; table[i] != null; i = (i + 1) & mask) {
            if (table[i] == child) {
                table[i] = null;
                size--;
                shiftBack(i);
                if (size * 8 < table.length && table.length > MIN_CAPACITY) {
                    resize(Math.max(MIN_CAPACITY, table.length / 2));
                }
                return true;
            }
        }
        return false;
    }

    /** The children, in table order. */
    List<DataNode> nodes() {
        List<DataNode> nodes = new ArrayList<>(size);
        for (DataNode node : table) {
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** The children's names, in table order. */
    List<String> names() {
        List<String> names = new ArrayList<>(size);
        for (DataNode node : table) {
            if (node != null) {
                names.add(node.path.substring(node.path.lastIndexOf('/') + 1));
            }
        }
        return names;
    }

    /** Linear probing without tombstones: close the gap so later entries stay reachable. */
    private void shiftBack(int freed) {
        int mask = table.length - 1;
        int gap = freed;
        for (int i = (freed + 1) & mask; table[i] != null; i = (i + 1) & mask) {
            int home = nameHash(table[i].path) & mask;
            // Move the entry into the gap unless its home lies cyclically in (gap, i].
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
        int i = nameHash(node.path) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = node;
    }

    /** String's hash of the name part of a path, spread, without making the substring. */
    private static int nameHash(String path) {
        int h = 0;
        for (int i = path.lastIndexOf('/') + 1; i < path.length(); i++) {
            h = 31 * h + path.charAt(i);
        }
        return h ^ (h >>> 16);
    }
}
