package org.zkplatform.dist.bench;

import java.util.List;

/**
 * What the footprint scenario measured on one server.
 *
 * @param storage how it stored data
 * @param fill the creates
 * @param heapAtStartBytes heap in use after full GCs, right after the first start
 * @param heapFilledBytes heap in use after full GCs, after the creates, sessions closed
 * @param cleanStop whether SIGTERM alone stopped it
 * @param disk its data dir after that stop
 * @param restarts each restart on a copy of that data dir
 * @param problems warning and error lines from all its outputs
 */
record FootprintResult(ServerKind kind, StorageFacts storage, FillResult fill, long heapAtStartBytes,
        long heapFilledBytes, boolean cleanStop, DataDirUsage disk, List<RestartResult> restarts, List<String> problems) {

    /** Heap the creates added, per znode created. */
    double heapBytesPerZnode() {
        return fill.created() == 0 ? -1 : (heapFilledBytes - heapAtStartBytes) / (double) fill.created();
    }

    /** The fastest restart until serving. */
    long minServingMillis() {
        return restarts.stream().mapToLong(RestartResult::servingMillis).min().orElse(-1);
    }
}
