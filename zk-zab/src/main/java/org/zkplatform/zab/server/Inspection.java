package org.zkplatform.zab.server;

import org.zkplatform.zab.admin.PeerFacts;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.tree.DataTree;

/**
 * What an admin command or a metrics scrape may read, gathered on the driver thread by whoever
 * drives the server (standalone service, quorum peer) and used there, never kept.
 *
 * @param core the core serving clients, or null while the server does not serve
 * @param tree the tree as the server holds it now
 * @param serverState standalone, leader, follower, observer or looking
 * @param peer the ensemble as this member sees it; null standalone
 * @param notServingReason why the server does not serve, when {@code core} is null
 * @param uptimeMillis since the server started
 */
public record Inspection(ServerCore core, DataTree tree, String serverState, PeerFacts peer, ServerMetrics metrics,
                         String notServingReason, long uptimeMillis) {
}
