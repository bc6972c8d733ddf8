package org.zkplatform.zab.watch;

/**
 * The figures {@code wchs} prints, taken from the data-watch table only (as ZooKeeper does).
 *
 * @param connections watchers known to the data table, including ones whose standard watches
 *     have all fired (ZooKeeper keeps such a watcher listed until its connection goes away)
 * @param paths paths with at least one data watch
 * @param totalWatches (path, watcher) pairs in the data table
 */
public record WatchesSummary(int connections, int paths, int totalWatches) {

    /** Exactly what {@code wchs} prints: two lines, the second ending in a newline. */
    public String toWchsText() {
        return connections + " connections watching " + paths + " paths\nTotal watches:" + totalWatches + "\n";
    }
}
