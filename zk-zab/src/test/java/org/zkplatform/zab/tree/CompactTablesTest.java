package org.zkplatform.zab.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The open-addressing path table and child sets behave like the JDK's map and set. */
class CompactTablesTest {

    private static DataNode node(String path) {
        return new DataNode(path, new byte[0], DataTree.OPEN_ACL_UNSAFE, 1, 1, 0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void pathTableMatchesAHashMap(long seed) {
        Random random = new Random(seed);
        PathTable table = new PathTable();
        Map<String, DataNode> model = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            // Few distinct paths, so adds, hits, misses and removals all happen often.
            String path = "/p" + random.nextInt(40) + "/n" + random.nextInt(100);
            if (random.nextInt(3) > 0) {
                if (!model.containsKey(path)) {
                    DataNode node = node(path);
                    table.add(node);
                    model.put(path, node);
                }
            } else {
                assertSame(model.remove(path), table.remove(path), "remove " + path + " at step " + step);
            }
            String probe = "/p" + random.nextInt(40) + "/n" + random.nextInt(100);
            assertSame(model.get(probe), table.get(probe), "get " + probe + " at step " + step);
            assertEquals(model.size(), table.size());
        }
        Set<String> seen = new HashSet<>();
        table.forEach(node -> seen.add(node.path()));
        assertEquals(model.keySet(), seen);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void childSetMatchesAHashSet(long seed) {
        Random random = new Random(seed);
        ChildSet children = new ChildSet();
        Map<String, DataNode> byName = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            String name = "c" + random.nextInt(64);
            DataNode existing = byName.get(name);
            if (existing == null && random.nextInt(3) > 0) {
                DataNode child = node("/parent/" + name);
                children.add(child);
                byName.put(name, child);
            } else if (existing != null) {
                assertEquals(true, children.remove(existing));
                byName.remove(name);
            }
            assertEquals(byName.size(), children.size(), "size at step " + step);
        }
        assertEquals(new HashSet<>(byName.keySet()), new HashSet<>(children.names()));
        assertEquals(new HashSet<>(byName.values()), new HashSet<>(children.nodes()));
        assertEquals(false, children.remove(node("/parent/absent")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 1000})
    void removingEveryChildLeavesTheTableEmpty(int count) {
        ChildSet children = new ChildSet();
        List<DataNode> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DataNode child = node("/p/" + i);
            nodes.add(child);
            children.add(child);
        }
        for (DataNode child : nodes) {
            children.remove(child);
        }
        assertEquals(0, children.size());
        assertEquals(List.of(), children.names());
        PathTable table = new PathTable();
        nodes.forEach(table::add);
        nodes.forEach(n -> table.remove(n.path()));
        assertEquals(0, table.size());
        assertNull(table.get("/p/0"));
    }
}
