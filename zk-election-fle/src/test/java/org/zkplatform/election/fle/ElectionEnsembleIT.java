package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.Settings;
import org.zkplatform.api.election.ElectionException;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.Vote;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.election.fle.LoopbackEnsemble.Member;

/** Whole elections over real sockets on 127.0.0.1, every server with its own transport. */
class ElectionEnsembleIT {

    private LoopbackEnsemble ensemble;

    @AfterEach
    void close() {
        if (ensemble != null) {
            ensemble.close();
        }
    }

    @Test
    void threeServersElectTheOneWithTheBestLog() throws Exception {
        ensemble = new LoopbackEnsemble(3, 0, Settings.empty());
        ensemble.start(1, 0x100000007L, 1);
        ensemble.start(2, 0x100000009L, 1); // the longest log of the newest epoch
        ensemble.start(3, 0x100000008L, 1);

        List<Vote> votes = LoopbackEnsemble.elect(ensemble.running());

        assertOneLeader(votes, 2);
        assertEquals(0x100000009L, votes.get(0).zxid());
    }

    @Test
    void fiveServersElectOneLeader() throws Exception {
        ensemble = new LoopbackEnsemble(5, 0, Settings.empty());
        for (long id = 1; id <= 5; id++) {
            ensemble.start(id, 0, 0);
        }
        assertOneLeader(LoopbackEnsemble.elect(ensemble.running()), 5);
    }

    @Test
    void whenTheLeaderStopsTheOthersElectANewOne() throws Exception {
        ensemble = new LoopbackEnsemble(5, 0, Settings.empty());
        for (long id = 1; id <= 5; id++) {
            ensemble.start(id, 0x200000001L, 2);
        }
        assertOneLeader(LoopbackEnsemble.elect(ensemble.running()), 5);

        ensemble.stop(5);
        List<Vote> second = LoopbackEnsemble.elect(ensemble.running());

        assertOneLeader(second, 4);
        assertEquals(2, second.get(0).electionEpoch(), "a second round");
    }

    @Test
    void aRestartedFollowerJoinsTheRunningLeaderWithoutANewRound() throws Exception {
        ensemble = new LoopbackEnsemble(3, 0, Settings.empty());
        for (long id = 1; id <= 3; id++) {
            ensemble.start(id, 0x100000004L, 1);
        }
        LoopbackEnsemble.elect(ensemble.running());
        ensemble.stop(3);
        LoopbackEnsemble.elect(ensemble.running()); // 1 and 2 elect 2 in round 2
        long clock1 = ensemble.member(1).election.logicalClock();
        long clock2 = ensemble.member(2).election.logicalClock();
        assertEquals(2, clock2);

        Member restarted = ensemble.start(3, 0x100000004L, 1);
        Vote vote = restarted.election.lookForLeader().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertEquals(new Vote(2, 0x100000004L, 2, 1, PeerState.FOLLOWING), vote,
                "it follows the running leader, in that leader's round, though it has the larger id");
        assertEquals(2, restarted.election.logicalClock(), "it took the round from the votes of the running ensemble");
        assertEquals(clock1, ensemble.member(1).election.logicalClock(), "the others started no round");
        assertEquals(clock2, ensemble.member(2).election.logicalClock(), "the others started no round");
        assertEquals(PeerState.LEADING, ensemble.member(2).peer.state());
    }

    @Test
    void anObserverObservesTheElectedLeader() throws Exception {
        ensemble = new LoopbackEnsemble(3, 1, Settings.of(Map.of("max-notification-interval", "1s")));
        for (long id = 1; id <= 4; id++) {
            ensemble.start(id, 0, 0);
        }
        List<Vote> votes = LoopbackEnsemble.elect(ensemble.running());
        assertEquals(new Vote(3, 0, votes.get(3).electionEpoch(), 0, PeerState.OBSERVING), votes.get(3));
        assertOneLeader(votes.subList(0, 3), 3);
    }

    @Test
    void aServerThatCannotBindItsElectionAddressSaysWhichAndStops() throws Exception {
        ensemble = new LoopbackEnsemble(3, 0, Settings.of(Map.of("bind-retries", 1, "bind-retry-pause", "10ms")));
        int port = ensemble.server(1).electionAddress().getPort();
        try (Transport squatter = LoopbackEnsemble.plainTransport("squatter")) {
            Listener taken = squatter.listen(new java.net.InetSocketAddress("127.0.0.1", port), (c, d) -> { });
            ElectionException e = assertThrows(ElectionException.class, () -> ensemble.start(1, 0, 0));
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
            taken.close();
        }
    }

    @Test
    void listensOnEveryInterfaceWhenAskedTo() throws Exception {
        ensemble = new LoopbackEnsemble(3, 0, Settings.of(Map.of("listen-on-all-ips", true)));
        for (long id = 1; id <= 3; id++) {
            ensemble.start(id, 0, 0);
        }
        java.net.InetSocketAddress bound = ensemble.member(1).election.connections().listeningAddress().orElseThrow();
        assertTrue(bound.getAddress().isAnyLocalAddress(), "bound to " + bound);
        assertEquals(ensemble.server(1).electionAddress().getPort(), bound.getPort());
        assertOneLeader(LoopbackEnsemble.elect(ensemble.running()), 3);
    }

    @Test
    void closingDuringARoundFailsTheRound() throws Exception {
        ensemble = new LoopbackEnsemble(3, 0, Settings.empty());
        Member alone = ensemble.start(1, 0, 0);
        java.util.concurrent.CompletableFuture<Vote> round = alone.election.lookForLeader().toCompletableFuture();
        ensemble.stop(1);
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> round.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ElectionException, e.toString());
        assertTrue(alone.election.lookForLeader().toCompletableFuture().isCompletedExceptionally(), "closed for good");
    }

    private static void assertOneLeader(List<Vote> votes, long leader) {
        for (int i = 0; i < votes.size(); i++) {
            Vote vote = votes.get(i);
            assertEquals(leader, vote.leader(), "server " + (i + 1) + " decided " + vote);
            assertEquals(vote.leader() == i + 1 ? PeerState.LEADING : PeerState.FOLLOWING, vote.state(), vote.toString());
            assertEquals(votes.get(0).electionEpoch(), vote.electionEpoch(), "one round");
        }
    }
}
