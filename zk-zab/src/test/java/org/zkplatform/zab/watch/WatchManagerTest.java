package org.zkplatform.zab.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkplatform.zab.watch.WatchEventType.NODE_CHILDREN_CHANGED;
import static org.zkplatform.zab.watch.WatchEventType.NODE_CREATED;
import static org.zkplatform.zab.watch.WatchEventType.NODE_DATA_CHANGED;
import static org.zkplatform.zab.watch.WatchEventType.NODE_DELETED;
import static org.zkplatform.zab.watch.WatchManager.WATCHER_TYPE_ANY;
import static org.zkplatform.zab.watch.WatchManager.WATCHER_TYPE_CHILDREN;
import static org.zkplatform.zab.watch.WatchManager.WATCHER_TYPE_DATA;
import static org.zkplatform.zab.watch.WatchManager.WATCHER_TYPE_PERSISTENT;
import static org.zkplatform.zab.watch.WatchManager.WATCHER_TYPE_PERSISTENT_RECURSIVE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WatchManagerTest {

    private static final long A = 0xA1L;
    private static final long B = 0xB2L;
    private static final long C = 0xC3L;
    private static final LongPredicate ALL = w -> true;

    private final WatchManager wm = new WatchManager();

    private static WatchNotification n(long watcher, WatchEventType type, String path) {
        return new WatchNotification(watcher, type, path);
    }

    private List<WatchNotification> create(String path) {
        return wm.nodeCreated(path, WatchManager.parentOf(path), ALL, ALL);
    }

    private List<WatchNotification> delete(String path) {
        return wm.nodeDeleted(path, WatchManager.parentOf(path), ALL, ALL);
    }

    private List<WatchNotification> setData(String path) {
        return wm.nodeDataChanged(path, ALL);
    }

    @Nested
    class StandardWatches {

        @Test
        void dataWatchFiresOnceThenIsGone() {
            wm.addDataWatch("/a", A);
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a")), setData("/a"));
            assertEquals(List.of(), setData("/a"));
            assertFalse(wm.hasWatches("/a", WATCHER_TYPE_DATA, A));
            assertEquals(0, wm.watchCount());
        }

        @Test
        void existsWatchOnMissingNodeFiresNodeCreated() {
            wm.addDataWatch("/a", A);
            assertEquals(List.of(n(A, NODE_CREATED, "/a")), create("/a"));
            assertEquals(List.of(), create("/a"));
        }

        @Test
        void dataWatchFiresNodeDeleted() {
            wm.addDataWatch("/a/b", A);
            assertEquals(List.of(n(A, NODE_DELETED, "/a/b")), delete("/a/b"));
        }

        @Test
        void childWatchFiresNodeChildrenChangedOnChildCreateAndIsConsumed() {
            wm.addChildWatch("/a", A);
            assertEquals(List.of(n(A, NODE_CHILDREN_CHANGED, "/a")), create("/a/x"));
            assertEquals(List.of(), create("/a/y"));
        }

        @Test
        void childWatchFiresNodeChildrenChangedOnChildDelete() {
            wm.addChildWatch("/a", A);
            assertEquals(List.of(n(A, NODE_CHILDREN_CHANGED, "/a")), delete("/a/x"));
        }

        @Test
        void childWatchOnDeletedNodeFiresNodeDeleted() {
            wm.addChildWatch("/a", A);
            assertEquals(List.of(n(A, NODE_DELETED, "/a")), delete("/a"));
            assertEquals(0, wm.watchCount());
        }

        @Test
        void childWatchIgnoresDataChangesAndGrandchildren() {
            wm.addChildWatch("/a", A);
            assertEquals(List.of(), setData("/a"));
            assertEquals(List.of(), create("/a/b/c"));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_CHILDREN, A));
        }

        @Test
        void dataWatchIgnoresChildChanges() {
            wm.addDataWatch("/a", A);
            assertEquals(List.of(), create("/a/b"));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_DATA, A));
        }

        @Test
        void topLevelNodeNotifiesTheRootsChildWatchers() {
            wm.addChildWatch("/", A);
            assertEquals(List.of(n(A, NODE_CHILDREN_CHANGED, "/")), create("/a"));
        }

        @Test
        void emptyParentPathMeansRoot() {
            wm.addChildWatch("/", A);
            assertEquals(List.of(n(A, NODE_CHILDREN_CHANGED, "/")), wm.nodeCreated("/a", "", ALL, ALL));
        }

        @Test
        void deleteSendsOneNodeDeletedToAWatcherInBothTablesAndConsumesBoth() {
            wm.addDataWatch("/a", A);
            wm.addChildWatch("/a", A);
            assertEquals(List.of(n(A, NODE_DELETED, "/a")), delete("/a"));
            assertEquals(0, wm.watchCount());
        }

        @Test
        void deleteNotifiesDataWatchersThenChildOnlyWatchersThenParentWatchers() {
            wm.addChildWatch("/a/b", A);
            wm.addDataWatch("/a/b", B);
            wm.addChildWatch("/a", C);
            assertEquals(
                    List.of(n(B, NODE_DELETED, "/a/b"), n(A, NODE_DELETED, "/a/b"), n(C, NODE_CHILDREN_CHANGED, "/a")),
                    delete("/a/b"));
        }

        @Test
        void createNotifiesDataTableFirstThenChildTableEachInWatcherIdOrder() {
            wm.addChildWatch("/", C);
            wm.addChildWatch("/", A);
            wm.addDataWatch("/x", C);
            wm.addDataWatch("/x", B);
            assertEquals(
                    List.of(n(B, NODE_CREATED, "/x"), n(C, NODE_CREATED, "/x"),
                            n(A, NODE_CHILDREN_CHANGED, "/"), n(C, NODE_CHILDREN_CHANGED, "/")),
                    create("/x"));
        }

        @Test
        void registeringTwiceIsOneWatch() {
            assertTrue(wm.addDataWatch("/a", A));
            assertFalse(wm.addDataWatch("/a", A));
            assertEquals(1, wm.watchCount());
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a")), setData("/a"));
        }
    }

    @Nested
    class PersistentWatches {

        @Test
        void persistentWatchStaysAfterFiring() {
            wm.addPersistentWatch("/a", A, false);
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a")), setData("/a"));
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a")), setData("/a"));
            assertEquals(List.of(n(A, NODE_CHILDREN_CHANGED, "/a")), create("/a/b"));
            assertEquals(List.of(n(A, NODE_CHILDREN_CHANGED, "/a")), create("/a/c"));
        }

        @Test
        void persistentWatchRegistersInBothTables() {
            assertTrue(wm.addPersistentWatch("/a", A, false));
            assertEquals(2, wm.watchCount());
            assertFalse(wm.addPersistentWatch("/a", A, false));
        }

        @Test
        void persistentWatchSeesOwnCreateAndDeleteAndSurvivesTheDelete() {
            wm.addPersistentWatch("/a", A, false);
            assertEquals(List.of(n(A, NODE_CREATED, "/a")), create("/a"));
            assertEquals(List.of(n(A, NODE_DELETED, "/a")), delete("/a"));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_PERSISTENT, A));
            assertEquals(List.of(n(A, NODE_CREATED, "/a")), create("/a"));
        }

        @Test
        void persistentWatchIgnoresGrandchildren() {
            wm.addPersistentWatch("/a", A, false);
            assertEquals(List.of(), create("/a/b/c"));
            assertEquals(List.of(), setData("/a/b"));
        }

        @Test
        void standardAndPersistentOnOnePathFireOnceAndOnlyTheStandardIsConsumed() {
            wm.addDataWatch("/a", A);
            wm.addPersistentWatch("/a", A, false);
            assertEquals(2, wm.watchCount(), "one (path, watcher) pair in each table");
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a")), setData("/a"));
            assertFalse(wm.hasWatches("/a", WATCHER_TYPE_DATA, A));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_PERSISTENT, A));
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a")), setData("/a"));
        }
    }

    @Nested
    class RecursiveWatches {

        @Test
        void recursiveWatchFiresForItsPathAndEveryDescendant() {
            wm.addPersistentWatch("/a", A, true);
            assertEquals(List.of(n(A, NODE_CREATED, "/a")), create("/a"));
            assertEquals(List.of(n(A, NODE_CREATED, "/a/b")), create("/a/b"));
            assertEquals(List.of(n(A, NODE_CREATED, "/a/b/c")), create("/a/b/c"));
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a/b/c")), setData("/a/b/c"));
            assertEquals(List.of(n(A, NODE_DELETED, "/a/b/c")), delete("/a/b/c"));
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a")), setData("/a"));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_PERSISTENT_RECURSIVE, A));
        }

        @Test
        void recursiveWatchNeverGetsNodeChildrenChanged() {
            wm.addPersistentWatch("/a", A, true);
            assertEquals(1, wm.watchCount(), "data table only");
            List<WatchNotification> events = create("/a/b");
            assertEquals(List.of(n(A, NODE_CREATED, "/a/b")), events);
            assertEquals(List.of(n(A, NODE_DELETED, "/a/b")), delete("/a/b"));
        }

        @Test
        void recursiveWatchIgnoresSiblingsWithACommonPrefix() {
            wm.addPersistentWatch("/a", A, true);
            assertEquals(List.of(), create("/ab"));
            assertEquals(List.of(), setData("/b/a"));
        }

        @Test
        void recursiveWatchOnRootSeesEverything() {
            wm.addPersistentWatch("/", A, true);
            assertEquals(List.of(n(A, NODE_CREATED, "/x")), create("/x"));
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/x/y/z")), setData("/x/y/z"));
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/")), setData("/"));
        }

        @Test
        void aWatcherWithManyMatchingRegistrationsIsNotifiedOncePerTableTrigger() {
            wm.addPersistentWatch("/", A, true);
            wm.addPersistentWatch("/a", A, true);
            wm.addPersistentWatch("/a/b", A, true);
            wm.addPersistentWatch("/a/b", A, false);
            wm.addDataWatch("/a/b", A);
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a/b")), setData("/a/b"));
            assertFalse(wm.hasWatches("/a/b", WATCHER_TYPE_DATA, A), "standard consumed");
        }

        @Test
        void recursiveAncestorWatchDoesNotConsumeStandardWatchesOfOthers() {
            wm.addPersistentWatch("/a", A, true);
            wm.addDataWatch("/a/b", B);
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a/b"), n(B, NODE_DATA_CHANGED, "/a/b")), setData("/a/b"));
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a/b")), setData("/a/b"));
        }

        @Test
        void deletedNodeUnderARecursiveWatchIsReportedOnceEvenWithAChildWatch() {
            wm.addPersistentWatch("/a", A, true);
            wm.addChildWatch("/a/b", A);
            assertEquals(List.of(n(A, NODE_DELETED, "/a/b")), delete("/a/b"));
            assertFalse(wm.hasWatches("/a/b", WATCHER_TYPE_CHILDREN, A), "the child watch was consumed silently");
        }

        @Test
        void recursiveCountTracksRegistrationsAndRemovals() {
            wm.addPersistentWatch("/a", A, true);
            wm.addPersistentWatch("/a", A, true);
            wm.addPersistentWatch("/b", B, true);
            assertEquals(2, wm.recursiveWatchCount());
            wm.removeWatches("/a", WATCHER_TYPE_PERSISTENT_RECURSIVE, A);
            assertEquals(1, wm.recursiveWatchCount());
            wm.removeWatcher(B);
            assertEquals(0, wm.recursiveWatchCount());
            assertEquals(List.of(), create("/a/x"));
        }
    }

    @Nested
    class ReadPermission {

        @Test
        void deniedWatcherIsNotNotifiedButItsStandardWatchIsConsumed() {
            wm.addDataWatch("/a", A);
            wm.addDataWatch("/a", B);
            assertEquals(List.of(n(B, NODE_DATA_CHANGED, "/a")), wm.nodeDataChanged("/a", w -> w != A));
            assertFalse(wm.hasWatches("/a", WATCHER_TYPE_DATA, A));
            assertEquals(List.of(), setData("/a"));
        }

        @Test
        void deniedWatcherKeepsItsPersistentWatch() {
            wm.addPersistentWatch("/a", A, true);
            assertEquals(List.of(), wm.nodeDataChanged("/a/b", w -> false));
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/a/b")), setData("/a/b"));
        }

        @Test
        void nodeEventsUseTheNodePredicateAndChildrenChangedTheParentPredicate() {
            wm.addDataWatch("/p/c", A);
            wm.addChildWatch("/p", A);
            LongPredicate deny = w -> false;
            assertEquals(List.of(n(A, NODE_CHILDREN_CHANGED, "/p")), wm.nodeCreated("/p/c", "/p", deny, ALL));

            wm.addDataWatch("/p/c", A);
            wm.addChildWatch("/p", A);
            assertEquals(List.of(n(A, NODE_CREATED, "/p/c")), wm.nodeCreated("/p/c", "/p", ALL, deny));

            wm.addChildWatch("/p/c", B);
            wm.addChildWatch("/p", B);
            assertEquals(List.of(n(B, NODE_CHILDREN_CHANGED, "/p")), wm.nodeDeleted("/p/c", "/p", deny, ALL));
            assertEquals(0, wm.watchCount());
        }
    }

    @Nested
    class RemoveAndCheckWatches {

        private void registerEverything(String path, long watcher) {
            wm.addDataWatch(path, watcher);
            wm.addChildWatch(path, watcher);
            wm.addPersistentWatch(path, watcher, false);
            wm.addPersistentWatch(path, watcher, true);
        }

        @Test
        void checkWatchesSeesEachTypeSeparately() {
            wm.addDataWatch("/d", A);
            wm.addChildWatch("/c", A);
            wm.addPersistentWatch("/p", A, false);
            wm.addPersistentWatch("/r", A, true);

            assertTrue(wm.hasWatches("/d", WATCHER_TYPE_DATA, A));
            assertFalse(wm.hasWatches("/d", WATCHER_TYPE_CHILDREN, A));
            assertFalse(wm.hasWatches("/d", WATCHER_TYPE_PERSISTENT, A));
            assertTrue(wm.hasWatches("/d", WATCHER_TYPE_ANY, A));

            assertTrue(wm.hasWatches("/c", WATCHER_TYPE_CHILDREN, A));
            assertFalse(wm.hasWatches("/c", WATCHER_TYPE_DATA, A));
            assertTrue(wm.hasWatches("/c", WATCHER_TYPE_ANY, A));

            assertTrue(wm.hasWatches("/p", WATCHER_TYPE_PERSISTENT, A));
            assertFalse(wm.hasWatches("/p", WATCHER_TYPE_DATA, A), "Data means standard only");
            assertFalse(wm.hasWatches("/p", WATCHER_TYPE_CHILDREN, A), "Children means standard only");
            assertFalse(wm.hasWatches("/p", WATCHER_TYPE_PERSISTENT_RECURSIVE, A));
            assertTrue(wm.hasWatches("/p", WATCHER_TYPE_ANY, A));

            assertTrue(wm.hasWatches("/r", WATCHER_TYPE_PERSISTENT_RECURSIVE, A));
            assertFalse(wm.hasWatches("/r", WATCHER_TYPE_PERSISTENT, A));
            assertTrue(wm.hasWatches("/r", WATCHER_TYPE_ANY, A));

            assertFalse(wm.hasWatches("/d", WATCHER_TYPE_ANY, B), "other watcher");
            assertFalse(wm.hasWatches("/x", WATCHER_TYPE_ANY, A), "other path");
        }

        @Test
        void checkWatchesIgnoresARecursiveWatchOnAnAncestor() {
            wm.addPersistentWatch("/a", A, true);
            assertFalse(wm.hasWatches("/a/b", WATCHER_TYPE_PERSISTENT_RECURSIVE, A));
            assertFalse(wm.hasWatches("/a/b", WATCHER_TYPE_ANY, A));
        }

        @Test
        void removeDataRemovesOnlyTheStandardDataWatch() {
            registerEverything("/a", A);
            assertTrue(wm.removeWatches("/a", WATCHER_TYPE_DATA, A));
            assertFalse(wm.removeWatches("/a", WATCHER_TYPE_DATA, A));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_CHILDREN, A));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_PERSISTENT, A));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_PERSISTENT_RECURSIVE, A));
        }

        @Test
        void removeChildrenRemovesOnlyTheStandardChildWatch() {
            registerEverything("/a", A);
            assertTrue(wm.removeWatches("/a", WATCHER_TYPE_CHILDREN, A));
            assertFalse(wm.removeWatches("/a", WATCHER_TYPE_CHILDREN, A));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_DATA, A));
            assertEquals(
                    List.of(n(A, NODE_CREATED, "/a/b"), n(A, NODE_CHILDREN_CHANGED, "/a")),
                    create("/a/b"),
                    "the recursive watch sees the child, the persistent one still sees the children change");
        }

        @Test
        void removePersistentRemovesItFromBothTables() {
            wm.addPersistentWatch("/a", A, false);
            assertTrue(wm.removeWatches("/a", WATCHER_TYPE_PERSISTENT, A));
            assertEquals(0, wm.watchCount());
            assertFalse(wm.removeWatches("/a", WATCHER_TYPE_PERSISTENT, A));
            assertEquals(List.of(), create("/a/b"));
        }

        @Test
        void removePersistentLeavesTheRecursiveWatch() {
            wm.addPersistentWatch("/a", A, false);
            wm.addPersistentWatch("/a", A, true);
            assertTrue(wm.removeWatches("/a", WATCHER_TYPE_PERSISTENT, A));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_PERSISTENT_RECURSIVE, A));
            assertEquals(List.of(n(A, NODE_CREATED, "/a/b")), create("/a/b"));
        }

        @Test
        void removeRecursiveRemovesOnlyTheRecursiveWatch() {
            registerEverything("/a", A);
            assertTrue(wm.removeWatches("/a", WATCHER_TYPE_PERSISTENT_RECURSIVE, A));
            assertFalse(wm.removeWatches("/a", WATCHER_TYPE_PERSISTENT_RECURSIVE, A));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_PERSISTENT, A));
            assertEquals(List.of(), create("/a/b/c"));
        }

        @Test
        void removeAnyRemovesEveryModeInBothTables() {
            registerEverything("/a", A);
            registerEverything("/a", B);
            assertTrue(wm.removeWatches("/a", WATCHER_TYPE_ANY, A));
            assertFalse(wm.hasWatches("/a", WATCHER_TYPE_ANY, A));
            assertFalse(wm.removeWatches("/a", WATCHER_TYPE_ANY, A));
            assertTrue(wm.hasWatches("/a", WATCHER_TYPE_ANY, B));
            assertEquals(2, wm.watchCount());
        }

        @Test
        void removeAnyWithOnlyAChildWatchSucceeds() {
            wm.addChildWatch("/a", A);
            assertTrue(wm.removeWatches("/a", WATCHER_TYPE_ANY, A));
            assertEquals(0, wm.watchCount());
        }

        @Test
        void removeOfSomethingNeverRegisteredFails() {
            for (int type = 1; type <= 5; type++) {
                assertFalse(wm.removeWatches("/a", type, A), "type " + type);
            }
            wm.addDataWatch("/a", B);
            wm.addDataWatch("/b", A);
            for (int type = 1; type <= 5; type++) {
                assertFalse(wm.removeWatches("/a", type, A), "type " + type);
            }
        }

        @Test
        void unknownWatcherTypeIsRejected() {
            assertThrows(IllegalArgumentException.class, () -> wm.removeWatches("/a", 0, A));
            assertThrows(IllegalArgumentException.class, () -> wm.hasWatches("/a", 6, A));
        }

        @Test
        void removeWatcherDropsEverythingOfThatWatcherOnly() {
            registerEverything("/a", A);
            registerEverything("/b", A);
            wm.addDataWatch("/a", B);
            wm.removeWatcher(A);
            assertEquals(1, wm.watchCount());
            assertEquals(0, wm.recursiveWatchCount());
            for (int type = 1; type <= 5; type++) {
                assertFalse(wm.hasWatches("/a", type, A));
                assertFalse(wm.hasWatches("/b", type, A));
            }
            assertEquals(List.of(n(B, NODE_DATA_CHANGED, "/a")), setData("/a"));
            assertEquals(List.of(), create("/b/c"));
            wm.removeWatcher(A); // idempotent
        }
    }

    @Nested
    class Views {

        @Test
        void watchCountCountsPathWatcherPairsPerTable() {
            wm.addDataWatch("/a", A);
            wm.addChildWatch("/a", A);
            wm.addPersistentWatch("/a", A, true); // same data-table pair: no new count
            wm.addPersistentWatch("/b", B, false); // one pair in each table
            wm.addDataWatch("/b", C);
            assertEquals(5, wm.watchCount());
        }

        @Test
        void summaryCoversTheDataTableOnly() {
            wm.addChildWatch("/c", A);
            assertEquals(new WatchesSummary(0, 0, 0), wm.summary());
            wm.addDataWatch("/a", A);
            wm.addDataWatch("/b", A);
            wm.addDataWatch("/a", B);
            assertEquals(new WatchesSummary(2, 2, 3), wm.summary());
            assertEquals("2 connections watching 2 paths\nTotal watches:3\n", wm.summary().toWchsText());
        }

        @Test
        void aWatcherWhoseWatchesFiredStaysListedUntilRemoved() {
            wm.addDataWatch("/a", A);
            setData("/a");
            assertEquals(new WatchesSummary(1, 0, 0), wm.summary());
            assertEquals(Map.of(A, Set.of()), wm.pathsByWatcher());
            wm.removeWatcher(A);
            assertEquals(new WatchesSummary(0, 0, 0), wm.summary());
        }

        @Test
        void removeWatchesOfTheLastWatchUnlistsTheWatcher() {
            wm.addDataWatch("/a", A);
            wm.removeWatches("/a", WATCHER_TYPE_DATA, A);
            assertEquals(new WatchesSummary(0, 0, 0), wm.summary());
            assertEquals(Map.of(), wm.pathsByWatcher());
        }

        @Test
        void byWatcherAndByPathAreSortedDataTableViews() {
            wm.addDataWatch("/z", B);
            wm.addDataWatch("/a", B);
            wm.addDataWatch("/a", A);
            wm.addPersistentWatch("/r", A, true);
            wm.addChildWatch("/kids", C);

            Map<Long, Set<String>> byWatcher = new TreeMap<>();
            byWatcher.put(A, new TreeSet<>(List.of("/a", "/r")));
            byWatcher.put(B, new TreeSet<>(List.of("/a", "/z")));
            assertEquals(byWatcher, wm.pathsByWatcher());
            assertEquals(List.of(A, B), List.copyOf(wm.pathsByWatcher().keySet()));

            Map<String, Set<Long>> byPath = new HashMap<>();
            byPath.put("/a", Set.of(A, B));
            byPath.put("/r", Set.of(A));
            byPath.put("/z", Set.of(B));
            assertEquals(byPath, wm.watchersByPath());
            assertEquals(List.of("/a", "/r", "/z"), List.copyOf(wm.watchersByPath().keySet()));
        }

        @Test
        void parentOfFollowsDataTree() {
            assertNull(WatchManager.parentOf("/"));
            assertEquals("/", WatchManager.parentOf("/a"));
            assertEquals("/a", WatchManager.parentOf("/a/b"));
            assertEquals("/a/b", WatchManager.parentOf("/a/b/c"));
        }
    }

    @Nested
    class SetWatches {

        /** A fixed tree: /old (mzxid 5, pzxid 5), /new (mzxid 9, pzxid 5), /kids (mzxid 2, pzxid 9). */
        private final NodeView tree = new NodeView() {
            private final Map<String, long[]> nodes = Map.of(
                    "/old", new long[] {5, 5},
                    "/new", new long[] {9, 5},
                    "/kids", new long[] {2, 9});

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
        };

        private List<WatchNotification> setWatches(
                long rel, List<String> data, List<String> exist, List<String> child) {
            return wm.setWatches(rel, data, exist, child, List.of(), List.of(), A, tree);
        }

        @Test
        void dataWatchOnMissingNodeRaisesNodeDeletedAndIsNotRegistered() {
            assertEquals(List.of(n(A, NODE_DELETED, "/gone")), setWatches(5, List.of("/gone"), List.of(), List.of()));
            assertEquals(0, wm.watchCount());
        }

        @Test
        void dataWatchOnNodeChangedAfterRelativeZxidRaisesNodeDataChanged() {
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/new")), setWatches(8, List.of("/new"), List.of(), List.of()));
            assertEquals(0, wm.watchCount());
        }

        @Test
        void dataWatchOnNodeUnchangedSinceRelativeZxidIsRegistered() {
            assertEquals(List.of(), setWatches(9, List.of("/new"), List.of(), List.of()), "mzxid == relativeZxid");
            assertEquals(List.of(), setWatches(10, List.of("/old"), List.of(), List.of()));
            assertTrue(wm.hasWatches("/new", WATCHER_TYPE_DATA, A));
            assertTrue(wm.hasWatches("/old", WATCHER_TYPE_DATA, A));
            assertEquals(List.of(n(A, NODE_DATA_CHANGED, "/new")), setData("/new"));
        }

        @Test
        void existWatchOnExistingNodeRaisesNodeCreated() {
            assertEquals(List.of(n(A, NODE_CREATED, "/old")), setWatches(100, List.of(), List.of("/old"), List.of()));
            assertEquals(0, wm.watchCount());
        }

        @Test
        void existWatchOnMissingNodeIsRegistered() {
            assertEquals(List.of(), setWatches(0, List.of(), List.of("/gone"), List.of()));
            assertEquals(List.of(n(A, NODE_CREATED, "/gone")), create("/gone"));
        }

        @Test
        void childWatchRules() {
            assertEquals(List.of(n(A, NODE_DELETED, "/gone")), setWatches(0, List.of(), List.of(), List.of("/gone")));
            assertEquals(
                    List.of(n(A, NODE_CHILDREN_CHANGED, "/kids")),
                    setWatches(8, List.of(), List.of(), List.of("/kids")));
            assertEquals(0, wm.watchCount());
            assertEquals(List.of(), setWatches(9, List.of(), List.of(), List.of("/kids")), "pzxid == relativeZxid");
            assertTrue(wm.hasWatches("/kids", WATCHER_TYPE_CHILDREN, A));
        }

        @Test
        void childWatchComparesPzxidNotMzxid() {
            // /new has mzxid 9 but pzxid 5: its child watch is re-registered quietly
            assertEquals(List.of(), setWatches(6, List.of(), List.of(), List.of("/new")));
            assertTrue(wm.hasWatches("/new", WATCHER_TYPE_CHILDREN, A));
            // /kids has mzxid 2 but pzxid 9: its data watch is re-registered quietly
            assertEquals(List.of(), setWatches(6, List.of("/kids"), List.of(), List.of()));
            assertTrue(wm.hasWatches("/kids", WATCHER_TYPE_DATA, A));
        }

        @Test
        void persistentWatchesAreRegisteredSilentlyEvenForMissingNodes() {
            List<WatchNotification> events =
                    wm.setWatches(0, null, null, null, List.of("/gone", "/new"), List.of("/gone2"), A, tree);
            assertEquals(List.of(), events);
            assertTrue(wm.hasWatches("/gone", WATCHER_TYPE_PERSISTENT, A));
            assertTrue(wm.hasWatches("/new", WATCHER_TYPE_PERSISTENT, A));
            assertTrue(wm.hasWatches("/gone2", WATCHER_TYPE_PERSISTENT_RECURSIVE, A));
            assertEquals(5, wm.watchCount());
            assertEquals(List.of(n(A, NODE_CHILDREN_CHANGED, "/new")), create("/new/x"));
        }

        @Test
        void eventsComeInListOrderDataExistChild() {
            assertEquals(
                    List.of(n(A, NODE_DELETED, "/gone"), n(A, NODE_DATA_CHANGED, "/new"),
                            n(A, NODE_CREATED, "/old"), n(A, NODE_CHILDREN_CHANGED, "/kids")),
                    setWatches(6, List.of("/gone", "/new"), List.of("/old"), List.of("/kids")));
        }
    }
}
