package org.zkplatform.sim;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * A faulty network, for {@link InjectedBugTest}: what a quorum link still had in flight to a
 * server when it closed (a deposed leader's proposals and commits, say) is not dropped but handed
 * to that server on the next quorum link it opens, a while after it opened, as a transport that
 * mixed up its connections would. The server then reads a stale leader's packets as its new leader's.
 */
final class StaleDeliveryNetwork extends SimNetwork {

    private final Map<Integer, Queue<byte[]>> stale = new HashMap<>();

    StaleDeliveryNetwork(SimWorld world, int nodes, Faults faults) {
        super(world, nodes, faults);
    }

    @Override
    void undelivered(SimChannel channel, int toNode, byte[] chunk) {
        if (channel.kind.equals("quorum")) {
            stale.computeIfAbsent(toNode, n -> new ArrayDeque<>()).add(chunk);
        }
    }

    @Override
    void opened(SimChannel channel) {
        if (!channel.kind.equals("quorum")) {
            return;
        }
        // Later, once the new link is in use (its sync done): a stale packet then looks like the next one.
        world.at(world.between(200, 2_000) * SimWorld.NANOS_PER_MILLI, SimWorld.WORLD, () -> {
            for (int node : new int[] {channel.nodeA, channel.nodeB}) {
                Queue<byte[]> chunks = stale.remove(node);
                if (chunks != null) {
                    chunks.forEach(chunk -> channel.inject(node, chunk));
                }
            }
        });
    }
}
