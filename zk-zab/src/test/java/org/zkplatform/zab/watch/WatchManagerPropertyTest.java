package org.zkplatform.zab.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random registrations, tree changes, removals and reconnects, checked step by step against a
 * deliberately naive model: a flat set of (table, path, watcher, mode) registrations scanned in
 * full for every question.
 */
class WatchManagerPropertyTest {

    private static final String[] PATHS = {"/", "/a", "/b", "/a/b", "/a/c", "/ab", "/a/b/c", "/b/a", "/a/b/c/d"};
    private static final long[] WATCHERS = {1, 2, 3, 0x100000000L, -7};
    private static final int STEPS = 2_000;

    private static final int DATA = 0;
    private static final int CHILD = 1;
    private static final int STANDARD = 1;
    private static final int PERSISTENT = 2;
    private static final int RECURSIVE = 4;

    record Reg(int table, String path, long watcher, int mode) {}

    /** The naive model. */
    static final class Model {
        final Set<Reg> regs = new HashSet<>();
        /** Watchers listed by the data table's wchs/wchc (ZooKeeper keeps emptied ones). */
        final Set<Long> listed = new HashSet<>();
        final Set<Long> childListed = new HashSet<>();

        Set<Long> listedOf(int table) {
            return table == DATA ? listed : childListed;
        }

        boolean add(int table, String path, long watcher, int mode) {
            listedOf(table).add(watcher);
            return regs.add(new Reg(table, path, watcher, mode));
        }

        boolean holds(int table, String path, long watcher, int modes) {
            for (Reg r : regs) {
                if (r.table == table && r.path.equals(path) && r.watcher == watcher && (r.mode & modes) != 0) {
                    return true;
                }
            }
            return false;
        }

        boolean remove(int table, String path, long watcher, int modes) {
            boolean removed = regs.removeIf(
                    r -> r.table == table && r.path.equals(path) && r.watcher == watcher && (r.mode & modes) != 0);
            if (removed && !holds(table, path, watcher, 7)) {
                boolean anyLeft = regs.stream().anyMatch(r -> r.table == table && r.watcher == watcher);
                if (!anyLeft) {
                    listedOf(table).remove(watcher);
                }
            }
            return removed;
        }

        static boolean isProperAncestor(String anc, String path) {
            if (anc.equals(path)) {
                return false;
            }
            return anc.equals("/") ? path.startsWith("/") : path.startsWith(anc + "/");
        }

        Set<Long> trigger(int table, String path, WatchEventType type, LongPredicate canRead, Set<Long> suppress,
                List<WatchNotification> out) {
            TreeSet<Long> hit = new TreeSet<>();
            for (Reg r : regs) {
                if (r.table != table) {
                    continue;
                }
                if (r.path.equals(path) || (r.mode == RECURSIVE && isProperAncestor(r.path, path))) {
                    hit.add(r.watcher);
                }
            }
            regs.removeIf(r -> r.table == table && r.path.equals(path) && r.mode == STANDARD);
            for (long w : hit) {
                if ((suppress == null || !suppress.contains(w)) && canRead.test(w)) {
                    out.add(new WatchNotification(w, type, path));
                }
            }
            return hit;
        }

        int pairs(int table) {
            Set<List<Object>> pairs = new HashSet<>();
            for (Reg r : regs) {
                if (r.table == table) {
                    pairs.add(List.of(r.path, r.watcher));
                }
            }
            return pairs.size();
        }

        SortedMap<Long, SortedSet<String>> pathsByWatcher() {
            SortedMap<Long, SortedSet<String>> m = new TreeMap<>();
            for (long w : listed) {
                m.put(w, new TreeSet<>());
            }
            for (Reg r : regs) {
                if (r.table == DATA) {
                    m.get(r.watcher).add(r.path);
                }
            }
            return m;
        }

        SortedMap<String, SortedSet<Long>> watchersByPath() {
            SortedMap<String, SortedSet<Long>> m = new TreeMap<>();
            for (Reg r : regs) {
                if (r.table == DATA) {
                    m.computeIfAbsent(r.path, p -> new TreeSet<>()).add(r.watcher);
                }
            }
            return m;
        }

        boolean check(String path, int type, long w) {
            switch (type) {
                case 1: return holds(CHILD, path, w, STANDARD);
                case 2: return holds(DATA, path, w, STANDARD);
                case 3: return holds(CHILD, path, w, 7) || holds(DATA, path, w, 7);
                case 4: return holds(DATA, path, w, PERSISTENT);
                case 5: return holds(DATA, path, w, RECURSIVE);
                default: throw new AssertionError();
            }
        }

        boolean removeWatches(String path, int type, long w) {
            switch (type) {
                case 1: return remove(CHILD, path, w, STANDARD);
                case 2: return remove(DATA, path, w, STANDARD);
                case 3: {
                    boolean c = remove(CHILD, path, w, 7);
                    boolean d = remove(DATA, path, w, 7);
                    return c || d;
                }
                case 4: {
                    boolean c = remove(CHILD, path, w, PERSISTENT);
                    boolean d = remove(DATA, path, w, PERSISTENT);
                    return c || d;
                }
                case 5: return remove(DATA, path, w, RECURSIVE);
                default: throw new AssertionError();
            }
        }

        void removeWatcher(long w) {
            regs.removeIf(r -> r.watcher == w);
            listed.remove(w);
            childListed.remove(w);
        }
    }

    /** A tiny tree with mzxid/pzxid, for create/delete/setData validity and setWatches. */
    static final class Tree implements NodeView {
        final Map<String, long[]> nodes = new HashMap<>();
        long zxid = 1;

        Tree() {
            nodes.put("/", new long[] {0, 0});
        }

        @Override
        public boolean exists(String path) {
            return nodes.containsKey(path);
        }

        @Override
        public long mzxid(String path) {
            return nodes.get(path)[0];
        }

        @Override
        public long pzxid(String path) {
            return nodes.get(path)[1];
        }

        boolean hasChildren(String path) {
            for (String p : nodes.keySet()) {
                if (!p.equals("/") && WatchManager.parentOf(p).equals(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void matchesTheNaiveModel(long seed) {
        Random rnd = new Random(seed);
        WatchManager wm = new WatchManager();
        Model model = new Model();
        Tree tree = new Tree();

        for (int step = 0; step < STEPS; step++) {
            String path = PATHS[rnd.nextInt(PATHS.length)];
            long w = WATCHERS[rnd.nextInt(WATCHERS.length)];
            String parent = WatchManager.parentOf(path);
            long deniedNode = rnd.nextInt(3) == 0 ? WATCHERS[rnd.nextInt(WATCHERS.length)] : Long.MIN_VALUE;
            long deniedParent = rnd.nextInt(3) == 0 ? WATCHERS[rnd.nextInt(WATCHERS.length)] : Long.MIN_VALUE;
            LongPredicate canReadNode = x -> x != deniedNode;
            LongPredicate canReadParent = x -> x != deniedParent;
            String what = "seed " + seed + " step " + step;

            List<WatchNotification> expected = new ArrayList<>();
            List<WatchNotification> actual = List.of();
            int op = rnd.nextInt(100);
            if (op < 14) {
                what += " addDataWatch " + path + " " + w;
                assertEquals(model.add(DATA, path, w, STANDARD), wm.addDataWatch(path, w), what);
            } else if (op < 24) {
                what += " addChildWatch " + path + " " + w;
                assertEquals(model.add(CHILD, path, w, STANDARD), wm.addChildWatch(path, w), what);
            } else if (op < 30) {
                what += " addPersistent " + path + " " + w;
                boolean d = model.add(DATA, path, w, PERSISTENT);
                boolean c = model.add(CHILD, path, w, PERSISTENT);
                assertEquals(d || c, wm.addPersistentWatch(path, w, false), what);
            } else if (op < 35) {
                what += " addRecursive " + path + " " + w;
                assertEquals(model.add(DATA, path, w, RECURSIVE), wm.addPersistentWatch(path, w, true), what);
            } else if (op < 50) {
                what += " create " + path;
                if (parent == null || tree.exists(path) || !tree.exists(parent)) {
                    continue;
                }
                long zxid = ++tree.zxid;
                tree.nodes.put(path, new long[] {zxid, zxid});
                tree.nodes.get(parent)[1] = zxid;
                model.trigger(DATA, path, WatchEventType.NODE_CREATED, canReadNode, null, expected);
                model.trigger(CHILD, parent, WatchEventType.NODE_CHILDREN_CHANGED, canReadParent, null, expected);
                actual = wm.nodeCreated(path, parent, canReadNode, canReadParent);
            } else if (op < 60) {
                what += " delete " + path;
                if (parent == null || !tree.exists(path) || tree.hasChildren(path)) {
                    continue;
                }
                long zxid = ++tree.zxid;
                tree.nodes.remove(path);
                tree.nodes.get(parent)[1] = zxid;
                Set<Long> hit = model.trigger(DATA, path, WatchEventType.NODE_DELETED, canReadNode, null, expected);
                model.trigger(CHILD, path, WatchEventType.NODE_DELETED, canReadNode, hit, expected);
                model.trigger(CHILD, parent, WatchEventType.NODE_CHILDREN_CHANGED, canReadParent, null, expected);
                actual = wm.nodeDeleted(path, parent, canReadNode, canReadParent);
            } else if (op < 72) {
                what += " setData " + path;
                if (!tree.exists(path)) {
                    continue;
                }
                tree.nodes.get(path)[0] = ++tree.zxid;
                model.trigger(DATA, path, WatchEventType.NODE_DATA_CHANGED, canReadNode, null, expected);
                actual = wm.nodeDataChanged(path, canReadNode);
            } else if (op < 80) {
                int type = 1 + rnd.nextInt(5);
                what += " removeWatches " + path + " " + type + " " + w;
                assertEquals(model.removeWatches(path, type, w), wm.removeWatches(path, type, w), what);
            } else if (op < 88) {
                int type = 1 + rnd.nextInt(5);
                what += " checkWatches " + path + " " + type + " " + w;
                assertEquals(model.check(path, type, w), wm.hasWatches(path, type, w), what);
            } else if (op < 91) {
                what += " removeWatcher " + w;
                model.removeWatcher(w);
                wm.removeWatcher(w);
            } else {
                long relativeZxid = rnd.nextInt((int) tree.zxid + 1);
                List<List<String>> lists = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    List<String> list = new ArrayList<>();
                    for (int j = rnd.nextInt(3); j > 0; j--) {
                        list.add(PATHS[rnd.nextInt(PATHS.length)]);
                    }
                    lists.add(list);
                }
                what += " setWatches " + relativeZxid + " " + lists + " " + w;
                for (String p : lists.get(0)) {
                    if (!tree.exists(p)) {
                        expected.add(new WatchNotification(w, WatchEventType.NODE_DELETED, p));
                    } else if (tree.mzxid(p) > relativeZxid) {
                        expected.add(new WatchNotification(w, WatchEventType.NODE_DATA_CHANGED, p));
                    } else {
                        model.add(DATA, p, w, STANDARD);
                    }
                }
                for (String p : lists.get(1)) {
                    if (tree.exists(p)) {
                        expected.add(new WatchNotification(w, WatchEventType.NODE_CREATED, p));
                    } else {
                        model.add(DATA, p, w, STANDARD);
                    }
                }
                for (String p : lists.get(2)) {
                    if (!tree.exists(p)) {
                        expected.add(new WatchNotification(w, WatchEventType.NODE_DELETED, p));
                    } else if (tree.pzxid(p) > relativeZxid) {
                        expected.add(new WatchNotification(w, WatchEventType.NODE_CHILDREN_CHANGED, p));
                    } else {
                        model.add(CHILD, p, w, STANDARD);
                    }
                }
                for (String p : lists.get(3)) {
                    model.add(CHILD, p, w, PERSISTENT);
                    model.add(DATA, p, w, PERSISTENT);
                }
                for (String p : lists.get(4)) {
                    model.add(DATA, p, w, RECURSIVE);
                }
                actual = wm.setWatches(
                        relativeZxid, lists.get(0), lists.get(1), lists.get(2), lists.get(3), lists.get(4), w, tree);
            }

            assertEquals(expected, actual, what);
            assertEquals(model.pairs(DATA) + model.pairs(CHILD), wm.watchCount(), what);
            assertEquals(
                    new WatchesSummary(model.listed.size(), model.watchersByPath().size(), model.pairs(DATA)),
                    wm.summary(), what);
            assertEquals(model.pathsByWatcher(), wm.pathsByWatcher(), what);
            assertEquals(model.watchersByPath(), wm.watchersByPath(), what);
            int recursive = (int) model.regs.stream().filter(r -> r.mode == RECURSIVE).count();
            assertEquals(recursive, wm.recursiveWatchCount(), what);
            for (String p : PATHS) {
                for (long x : WATCHERS) {
                    for (int type = 1; type <= 5; type++) {
                        assertEquals(model.check(p, type, x), wm.hasWatches(p, type, x), what + " / " + p + " " + x + " " + type);
                    }
                }
            }
        }
    }
}
