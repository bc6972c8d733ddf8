package org.zkplatform.election.fle;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.zookeeper.server.quorum.Election;
import org.apache.zookeeper.server.quorum.QuorumPeer;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.Vote;

/**
 * Apache ZooKeeper 3.9.5 servers in this JVM, reduced to their election, the way ZooKeeper's own
 * election tests run them: a {@link QuorumPeer} that is not started, whose
 * {@code startLeaderElection} opens the real {@code QuorumCnxManager} and
 * {@code FastLeaderElection}, and whose {@code lookForLeader} runs on a thread of ours.
 */
final class ApachePeers {

    private ApachePeers() {
    }

    /** The ensemble as ZooKeeper describes it, from the same servers we configure. */
    static Map<Long, QuorumPeer.QuorumServer> view(List<QuorumServer> servers) {
        Map<Long, QuorumPeer.QuorumServer> view = new HashMap<>();
        for (QuorumServer server : servers) {
            view.put(server.id().value(), new QuorumPeer.QuorumServer(server.id().value(),
                    new InetSocketAddress(server.quorumAddress().getHostString(), server.quorumAddress().getPort()),
                    new InetSocketAddress(server.electionAddress().getHostString(), server.electionAddress().getPort())));
        }
        return view;
    }

    /** A peer with an empty data dir (zxid 0, epoch 0) whose election connections are open. */
    static QuorumPeer start(long id, List<QuorumServer> servers, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        QuorumPeer peer = new QuorumPeer(view(servers), dataDir.toFile(), dataDir.toFile(), LoopbackEnsemble.freePort(), 3, id,
                1000, 10, 10, 10);
        // A peer built in code starts with multi-address on (protocol V2, reachability pings); a server configured
        // from zoo.cfg has it off unless multiAddress.enabled is set. Be the usual server.
        peer.setMultiAddressEnabled(false);
        peer.startLeaderElection();
        awaitListening(servers.stream().filter(s -> s.id().value() == id).findFirst().orElseThrow());
        return peer;
    }

    /** ZooKeeper's listener binds on a thread of its own; wait until it accepts. */
    private static void awaitListening(QuorumServer server) {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.electionAddress().getPort());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            try (java.net.Socket probe = new java.net.Socket()) {
                probe.connect(address, 1_000);
                return true;
            }
        });
    }

    /** Runs one lookForLeader on its own thread and, like QuorumPeer.run, keeps the result as the current vote. */
    static CompletableFuture<Vote> lookForLeader(QuorumPeer peer) {
        CompletableFuture<Vote> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                org.apache.zookeeper.server.quorum.Vote vote = peer.getElectionAlg().lookForLeader();
                if (vote == null) {
                    result.completeExceptionally(new IllegalStateException("Apache's election stopped"));
                    return;
                }
                peer.setCurrentVote(vote);
                result.complete(new Vote(vote.getId(), vote.getZxid(), vote.getElectionEpoch(), vote.getPeerEpoch(),
                        PeerState.ofCode(peer.getPeerState().ordinal())));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "apache-election-" + peer.getMyId());
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    static void stop(QuorumPeer peer) {
        Election election = peer.getElectionAlg();
        if (election != null) {
            election.shutdown();
        }
        try {
            peer.shutdown();
        } catch (RuntimeException e) {
            // A peer that was never started has parts shutdown does not expect to be missing; its election is down.
        }
    }
}
