package org.zkplatform.zab.admin;

import java.util.List;

/**
 * The state a monitoring scrape reports, read at one moment on the driver thread; the names are
 * those of ZooKeeper's {@code mntr} keys. Figures of a role that serves clients (connections,
 * watches, latencies) are 0 while the server does not serve.
 *
 * @param serverState standalone, leader, follower, observer, or looking
 * @param learners the learners connected to this server if it leads, else empty
 * @param quorumSize the voting members of the ensemble, 0 standalone
 */
public record ServerGauges(
        String serverState,
        long znodeCount,
        long watchCount,
        long ephemeralsCount,
        long approximateDataSize,
        long globalSessions,
        long aliveConnections,
        long outstandingRequests,
        long lastProcessedZxid,
        double avgLatencyMillis,
        long minLatencyMillis,
        long maxLatencyMillis,
        long packetsReceived,
        long packetsSent,
        long authFailures,
        long uptimeMillis,
        int quorumSize,
        List<LearnerFacts> learners) {

    public ServerGauges {
        learners = List.copyOf(learners);
    }

    public long syncedFollowers() {
        return learners.stream().filter(l -> l.synced() && !l.observer()).count();
    }

    public long syncedObservers() {
        return learners.stream().filter(l -> l.synced() && l.observer()).count();
    }
}
