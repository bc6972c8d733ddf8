package org.zkplatform.zab.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * Who watches what, and who is told when a node changes, with Apache ZooKeeper 3.9.5's
 * semantics (DataTree plus its two WatchManagers).
 *
 * <h2>Model</h2>
 * There are two tables, the <em>data</em> table and the <em>child</em> table. In each, a
 * watcher (identified by a {@code long}, the session id) holds on a path any combination of
 * three modes:
 * <ul>
 *   <li>standard: one-shot, removed when it fires. getData and exists (watch=true) add one to
 *       the data table, exists even for a missing node; getChildren adds one to the child
 *       table.</li>
 *   <li>persistent: addWatch mode 0, registered in <em>both</em> tables, never removed by
 *       firing.</li>
 *   <li>persistent recursive: addWatch mode 1, registered in the data table only; it also
 *       fires for every descendant of its path.</li>
 * </ul>
 *
 * <h2>Triggers</h2>
 * Each trigger method returns the notifications to send, in order: first those of the data
 * table, then those of the child table, and inside one table trigger in ascending watcher id
 * (ZooKeeper's order there is a HashSet's, i.e. unspecified). Within one table trigger a watcher
 * is notified at most once, however many of its registrations match.
 * <ul>
 *   <li>{@link #nodeCreated}: NodeCreated on the path from the data table, then
 *       NodeChildrenChanged on the parent from the child table.</li>
 *   <li>{@link #nodeDeleted}: NodeDeleted on the path from the data table, NodeDeleted on the
 *       path from the child table for watchers the data table did not already hit, then
 *       NodeChildrenChanged on the parent from the child table.</li>
 *   <li>{@link #nodeDataChanged}: NodeDataChanged on the path from the data table.</li>
 * </ul>
 * A table trigger on path P hits every watcher registered on P itself (any mode; standard
 * registrations on P are consumed) and every watcher holding a recursive watch on a proper
 * ancestor of P. Recursive watches live only in the data table, so they never see
 * NodeChildrenChanged. Persistent watches on a deleted path stay registered.
 *
 * <h2>Read permission</h2>
 * ZooKeeper checks READ permission at delivery time ({@code ServerCnxn.process(event, acl)}),
 * after the watch manager has already picked the watchers and consumed their standard watches.
 * So a watcher for which {@code canRead} is false gets no notification <em>but its standard
 * watch is still consumed</em>, and it still counts as "already notified" for the duplicate
 * suppression of the child-table NodeDeleted. This class does the same. The ACL used is that of
 * the changed node for NodeCreated, NodeDeleted and NodeDataChanged and that of the parent for
 * NodeChildrenChanged, hence two predicates on create and delete.
 *
 * <h2>Cost</h2>
 * Registration, removal and a trigger without recursive watches cost O(1) map operations plus
 * the number of watchers hit. When recursive watches exist, a trigger also looks up each
 * ancestor of the path in an index of recursive watches only: O(depth) more lookups.
 *
 * <h2>Threading</h2>
 * Not thread-safe, by contract: an instance is owned by the server's single driver thread and
 * only ever touched from it, so it uses plain hash maps and no locks. It holds no clock and
 * starts no thread.
 *
 * <p>Like ZooKeeper, it does not know whether a watcher's connection is still open: the caller
 * must not register watches for a session after {@link #removeWatcher(long)}.
 */
public final class WatchManager {

    /** WatcherType code of removeWatches/checkWatches: standard child watches. */
    public static final int WATCHER_TYPE_CHILDREN = 1;
    /** WatcherType code: standard data (getData/exists) watches. */
    public static final int WATCHER_TYPE_DATA = 2;
    /** WatcherType code: every mode in both tables. */
    public static final int WATCHER_TYPE_ANY = 3;
    /** WatcherType code: persistent (non-recursive) watches. */
    public static final int WATCHER_TYPE_PERSISTENT = 4;
    /** WatcherType code: persistent recursive watches. */
    public static final int WATCHER_TYPE_PERSISTENT_RECURSIVE = 5;

    static final int STANDARD = 1;
    static final int PERSISTENT = 2;
    static final int RECURSIVE = 4;
    private static final int ALL_MODES = STANDARD | PERSISTENT | RECURSIVE;

    private final Table data = new Table();
    private final Table child = new Table();

    // ------------------------------------------------------------------ registration

    /**
     * Registers a standard data watch (getData or exists with watch=true). exists registers it
     * whether or not the node exists.
     *
     * @return whether the watcher did not already hold a standard data watch on the path
     */
    public boolean addDataWatch(String path, long watcher) {
        return data.add(path, watcher, STANDARD);
    }

    /**
     * Registers a standard child watch (getChildren/getChildren2 with watch=true, on success).
     *
     * @return whether the watcher did not already hold a standard child watch on the path
     */
    public boolean addChildWatch(String path, long watcher) {
        return child.add(path, watcher, STANDARD);
    }

    /**
     * Registers a persistent watch (addWatch). Non-recursive: in both tables. Recursive: in the
     * data table only.
     *
     * @return whether anything was added that was not there before
     */
    public boolean addPersistentWatch(String path, long watcher, boolean recursive) {
        if (recursive) {
            return data.add(path, watcher, RECURSIVE);
        }
        boolean addedToData = data.add(path, watcher, PERSISTENT);
        boolean addedToChild = child.add(path, watcher, PERSISTENT);
        return addedToData | addedToChild;
    }

    // ------------------------------------------------------------------ triggers

    /**
     * A node was created.
     *
     * @param parentPath the parent of {@code path}; "/" for a top-level node ("" is taken as "/")
     * @param canReadNode whether a watcher may read the new node (its ACL)
     * @param canReadParent whether a watcher may read the parent (its ACL)
     */
    public List<WatchNotification> nodeCreated(
            String path, String parentPath, LongPredicate canReadNode, LongPredicate canReadParent) {
        List<WatchNotification> out = new ArrayList<>();
        data.trigger(path, WatchEventType.NODE_CREATED, canReadNode, null, out);
        child.trigger(rootIfEmpty(parentPath), WatchEventType.NODE_CHILDREN_CHANGED, canReadParent, null, out);
        return out;
    }

    /**
     * A node was deleted.
     *
     * @param parentPath the parent of {@code path}; "/" for a top-level node ("" is taken as "/")
     * @param canReadNode whether a watcher may read the deleted node (its ACL)
     * @param canReadParent whether a watcher may read the parent (its ACL)
     */
    public List<WatchNotification> nodeDeleted(
            String path, String parentPath, LongPredicate canReadNode, LongPredicate canReadParent) {
        List<WatchNotification> out = new ArrayList<>();
        Set<Long> hitByData = data.trigger(path, WatchEventType.NODE_DELETED, canReadNode, null, out);
        child.trigger(path, WatchEventType.NODE_DELETED, canReadNode, hitByData, out);
        child.trigger(rootIfEmpty(parentPath), WatchEventType.NODE_CHILDREN_CHANGED, canReadParent, null, out);
        return out;
    }

    /**
     * A node's data was set.
     *
     * @param canReadNode whether a watcher may read the node (its ACL)
     */
    public List<WatchNotification> nodeDataChanged(String path, LongPredicate canReadNode) {
        List<WatchNotification> out = new ArrayList<>();
        data.trigger(path, WatchEventType.NODE_DATA_CHANGED, canReadNode, null, out);
        return out;
    }

    // ------------------------------------------------------------------ setWatches

    /**
     * Re-registers a reconnecting client's watches (setWatches, opcode 101, and setWatches2,
     * opcode 105) and returns the events it missed, as ZooKeeper's DataTree.setWatches does:
     * <ul>
     *   <li>data: node missing → NodeDeleted; else mzxid &gt; relativeZxid → NodeDataChanged;
     *       else a standard data watch is registered.</li>
     *   <li>exist: node exists → NodeCreated; else a standard data watch is registered.</li>
     *   <li>child: node missing → NodeDeleted; else pzxid &gt; relativeZxid →
     *       NodeChildrenChanged; else a standard child watch is registered.</li>
     *   <li>persistent and persistentRecursive: registered silently, whether or not the node
     *       exists.</li>
     * </ul>
     * A path that raises an event is not re-registered. Events come in list order: data, exist,
     * child; the caller sends them with zxid -1. ZooKeeper delivers them <em>without</em> a
     * read-permission check, so there is no {@code canRead} here. Null lists count as empty.
     *
     * @param relativeZxid the last zxid the client saw
     */
    public List<WatchNotification> setWatches(
            long relativeZxid,
            List<String> dataWatches,
            List<String> existWatches,
            List<String> childWatches,
            List<String> persistentWatches,
            List<String> persistentRecursiveWatches,
            long watcher,
            NodeView tree) {
        Objects.requireNonNull(tree, "tree");
        List<WatchNotification> out = new ArrayList<>();
        for (String path : orEmpty(dataWatches)) {
            if (!tree.exists(path)) {
                out.add(new WatchNotification(watcher, WatchEventType.NODE_DELETED, path));
            } else if (tree.mzxid(path) > relativeZxid) {
                out.add(new WatchNotification(watcher, WatchEventType.NODE_DATA_CHANGED, path));
            } else {
                data.add(path, watcher, STANDARD);
            }
        }
        for (String path : orEmpty(existWatches)) {
            if (tree.exists(path)) {
                out.add(new WatchNotification(watcher, WatchEventType.NODE_CREATED, path));
            } else {
                data.add(path, watcher, STANDARD);
            }
        }
        for (String path : orEmpty(childWatches)) {
            if (!tree.exists(path)) {
                out.add(new WatchNotification(watcher, WatchEventType.NODE_DELETED, path));
            } else if (tree.pzxid(path) > relativeZxid) {
                out.add(new WatchNotification(watcher, WatchEventType.NODE_CHILDREN_CHANGED, path));
            } else {
                child.add(path, watcher, STANDARD);
            }
        }
        for (String path : orEmpty(persistentWatches)) {
            child.add(path, watcher, PERSISTENT);
            data.add(path, watcher, PERSISTENT);
        }
        for (String path : orEmpty(persistentRecursiveWatches)) {
            data.add(path, watcher, RECURSIVE);
        }
        return out;
    }

    // ------------------------------------------------------------------ removeWatches / checkWatches

    /**
     * removeWatches (opcode 18) for one watcher on one path, as ZooKeeper's
     * DataTree.removeWatch:
     * <ul>
     *   <li>Children (1): the standard child watch.</li>
     *   <li>Data (2): the standard data watch only (not persistent ones).</li>
     *   <li>Any (3): every mode in both tables.</li>
     *   <li>Persistent (4): the persistent watch, from both tables.</li>
     *   <li>PersistentRecursive (5): the recursive watch.</li>
     * </ul>
     *
     * @return whether something was removed (false maps to NoWatcher, -121)
     * @throws IllegalArgumentException for an unknown watcher type code
     */
    public boolean removeWatches(String path, int watcherType, long watcher) {
        switch (watcherType) {
            case WATCHER_TYPE_CHILDREN:
                return child.remove(path, watcher, STANDARD);
            case WATCHER_TYPE_DATA:
                return data.remove(path, watcher, STANDARD);
            case WATCHER_TYPE_ANY: {
                boolean fromChild = child.remove(path, watcher, ALL_MODES);
                boolean fromData = data.remove(path, watcher, ALL_MODES);
                return fromChild | fromData;
            }
            case WATCHER_TYPE_PERSISTENT: {
                boolean fromChild = child.remove(path, watcher, PERSISTENT);
                boolean fromData = data.remove(path, watcher, PERSISTENT);
                return fromChild | fromData;
            }
            case WATCHER_TYPE_PERSISTENT_RECURSIVE:
                return data.remove(path, watcher, RECURSIVE);
            default:
                throw new IllegalArgumentException("unknown watcher type " + watcherType);
        }
    }

    /**
     * checkWatches (opcode 17), as ZooKeeper's DataTree.containsWatcher. Only registrations on
     * exactly {@code path} count (a recursive watch on an ancestor does not):
     * <ul>
     *   <li>Children (1): a standard child watch. Data (2): a standard data watch.</li>
     *   <li>Any (3): any mode in either table.</li>
     *   <li>Persistent (4): a persistent watch (looked up in the data table).</li>
     *   <li>PersistentRecursive (5): a recursive watch.</li>
     * </ul>
     *
     * @throws IllegalArgumentException for an unknown watcher type code
     */
    public boolean hasWatches(String path, int watcherType, long watcher) {
        switch (watcherType) {
            case WATCHER_TYPE_CHILDREN:
                return child.has(path, watcher, STANDARD);
            case WATCHER_TYPE_DATA:
                return data.has(path, watcher, STANDARD);
            case WATCHER_TYPE_ANY:
                return child.has(path, watcher, ALL_MODES) || data.has(path, watcher, ALL_MODES);
            case WATCHER_TYPE_PERSISTENT:
                return data.has(path, watcher, PERSISTENT);
            case WATCHER_TYPE_PERSISTENT_RECURSIVE:
                return data.has(path, watcher, RECURSIVE);
            default:
                throw new IllegalArgumentException("unknown watcher type " + watcherType);
        }
    }

    /** Drops every watch of a watcher, in both tables (its connection closed). */
    public void removeWatcher(long watcher) {
        data.removeWatcher(watcher);
        child.removeWatcher(watcher);
    }

    // ------------------------------------------------------------------ views

    /**
     * Registrations as ZooKeeper counts them for mntr's {@code zk_watch_count}: the number of
     * (path, watcher) pairs in the data table plus those in the child table (several modes of
     * one watcher on one path count once per table).
     */
    public int watchCount() {
        return data.pairs + child.pairs;
    }

    /** The {@code wchs} figures, data table only, as in ZooKeeper. */
    public WatchesSummary summary() {
        return new WatchesSummary(data.byWatcher.size(), data.byPath.size(), data.pairs);
    }

    /**
     * {@code wchc}: each watcher with its watched paths, data table only (ZooKeeper's wchc/wchp
     * and the admin {@code watches} commands ignore the child table). A watcher whose standard
     * watches have all fired is still listed, with no paths, until it is removed: ZooKeeper
     * does the same. A fresh sorted copy.
     */
    public SortedMap<Long, SortedSet<String>> pathsByWatcher() {
        SortedMap<Long, SortedSet<String>> view = new TreeMap<>();
        for (Map.Entry<Long, Set<String>> e : data.byWatcher.entrySet()) {
            view.put(e.getKey(), new TreeSet<>(e.getValue()));
        }
        return view;
    }

    /** {@code wchp}: each watched path with its watchers, data table only. A fresh sorted copy. */
    public SortedMap<String, SortedSet<Long>> watchersByPath() {
        SortedMap<String, SortedSet<Long>> view = new TreeMap<>();
        for (Map.Entry<String, Map<Long, Integer>> e : data.byPath.entrySet()) {
            view.put(e.getKey(), new TreeSet<>(e.getValue().keySet()));
        }
        return view;
    }

    /** Number of (path, watcher) pairs holding a recursive watch. */
    int recursiveWatchCount() {
        return data.recursiveCount;
    }

    /**
     * The parent of an absolute path, as DataTree computes it: "/" for a top-level node, null
     * for "/" itself.
     */
    public static String parentOf(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String rootIfEmpty(String parentPath) {
        return parentPath.isEmpty() ? "/" : parentPath;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    // ------------------------------------------------------------------ one table

    /** One of ZooKeeper's two watch tables. */
    private static final class Table {
        /** path → (watcher → mode bits). Never holds an empty inner map or a zero entry. */
        final Map<String, Map<Long, Integer>> byPath = new HashMap<>();
        /**
         * watcher → paths it holds a registration on. A set can be empty: when a watcher's
         * last standard watch fires its entry stays, as in ZooKeeper (where it shows up in
         * wchs and wchc) until removeWatcher or a removeWatches empties it.
         */
        final Map<Long, Set<String>> byWatcher = new HashMap<>();
        /** path → watchers holding a recursive watch there: the index ancestors are looked up in. */
        final Map<String, Set<Long>> recursiveByPath = new HashMap<>();
        /** (path, watcher) pairs in byPath. */
        int pairs;
        /** (path, watcher) pairs carrying the recursive bit. */
        int recursiveCount;

        boolean add(String path, long watcher, int mode) {
            Objects.requireNonNull(path, "path");
            Map<Long, Integer> watchers = byPath.computeIfAbsent(path, p -> new HashMap<>(4));
            Integer current = watchers.get(watcher);
            if (current == null) {
                pairs++;
            }
            byWatcher.computeIfAbsent(watcher, w -> new HashSet<>()).add(path);
            int old = current == null ? 0 : current;
            if ((old & mode) != 0) {
                return false;
            }
            watchers.put(watcher, old | mode);
            if (mode == RECURSIVE) {
                recursiveByPath.computeIfAbsent(path, p -> new HashSet<>(4)).add(watcher);
                recursiveCount++;
            }
            return true;
        }

        /**
         * Fires {@code type} on {@code path}; appends a notification for each hit watcher that is
         * not in {@code suppress} and passes {@code canRead}; returns every hit watcher.
         */
        Set<Long> trigger(
                String path, WatchEventType type, LongPredicate canRead, Set<Long> suppress,
                List<WatchNotification> out) {
            Set<Long> hit = new TreeSet<>();
            Map<Long, Integer> watchers = byPath.get(path);
            if (watchers != null) {
                Iterator<Map.Entry<Long, Integer>> it = watchers.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<Long, Integer> e = it.next();
                    Long watcher = e.getKey();
                    int modes = e.getValue();
                    hit.add(watcher);
                    if ((modes & STANDARD) == 0) {
                        continue;
                    }
                    modes &= ~STANDARD;
                    if (modes == 0) {
                        it.remove();
                        pairs--;
                        // ZooKeeper leaves the watcher's (possibly now empty) path set in place.
                        byWatcher.get(watcher).remove(path);
                    } else {
                        e.setValue(modes);
                    }
                }
                if (watchers.isEmpty()) {
                    byPath.remove(path);
                }
            }
            if (recursiveCount > 0) {
                for (String p = parentOf(path); p != null; p = parentOf(p)) {
                    Set<Long> recursive = recursiveByPath.get(p);
                    if (recursive != null) {
                        hit.addAll(recursive);
                    }
                }
            }
            for (Long watcher : hit) {
                if ((suppress == null || !suppress.contains(watcher)) && canRead.test(watcher)) {
                    out.add(new WatchNotification(watcher, type, path));
                }
            }
            return hit;
        }

        /**
         * Clears {@code modes} from the watcher's registration on the path, as ZooKeeper's
         * WatchManager.removeWatcher(path, watcher, mode).
         */
        boolean remove(String path, long watcher, int modes) {
            Set<String> paths = byWatcher.get(watcher);
            Map<Long, Integer> watchers = byPath.get(path);
            if (paths == null || watchers == null) {
                return false;
            }
            Integer current = watchers.get(watcher);
            int old = current == null ? 0 : current;
            int left = old & ~modes;
            if (left == old) {
                return false;
            }
            if (left != 0) {
                watchers.put(watcher, left);
            } else {
                watchers.remove(watcher);
                pairs--;
                if (watchers.isEmpty()) {
                    byPath.remove(path);
                }
                paths.remove(path);
                if (paths.isEmpty()) {
                    byWatcher.remove(watcher);
                }
            }
            if ((old & RECURSIVE) != 0 && (left & RECURSIVE) == 0) {
                dropRecursive(path, watcher);
            }
            return true;
        }

        boolean has(String path, long watcher, int modes) {
            Map<Long, Integer> watchers = byPath.get(path);
            Integer current = watchers == null ? null : watchers.get(watcher);
            return current != null && (current & modes) != 0;
        }

        void removeWatcher(long watcher) {
            Set<String> paths = byWatcher.remove(watcher);
            if (paths == null) {
                return;
            }
            for (String path : paths) {
                Map<Long, Integer> watchers = byPath.get(path);
                if (watchers == null) {
                    continue;
                }
                Integer modes = watchers.remove(watcher);
                if (modes != null) {
                    pairs--;
                    if ((modes & RECURSIVE) != 0) {
                        dropRecursive(path, watcher);
                    }
                }
                if (watchers.isEmpty()) {
                    byPath.remove(path);
                }
            }
        }

        private void dropRecursive(String path, long watcher) {
            Set<Long> recursive = recursiveByPath.get(path);
            if (recursive != null && recursive.remove(watcher)) {
                recursiveCount--;
                if (recursive.isEmpty()) {
                    recursiveByPath.remove(path);
                }
            }
        }
    }
}
