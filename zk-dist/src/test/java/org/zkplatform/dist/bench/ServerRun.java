package org.zkplatform.dist.bench;

import java.util.List;

/**
 * Everything measured on one server.
 *
 * @param nodeCount nodes in its tree after the last workload ({@code srvr}), -1 if unknown
 * @param storage how it stores data
 * @param problems warning and error lines from the server's output
 */
record ServerRun(ServerKind kind, List<WorkloadResult> results, long nodeCount, StorageFacts storage,
        List<String> problems) {

    WorkloadResult result(Workload workload) {
        return results.stream().filter(r -> r.workload() == workload).findFirst().orElseThrow();
    }
}
