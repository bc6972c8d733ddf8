package org.zkplatform.dist.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ensembles mixing Apache ZooKeeper 3.9.5 servers with ours on the same zoo.cfg, myid and data
 * dirs, as an operator replacing one by the other with a rolling restart gets them: our learners
 * follow Apache's leader and Apache's learners follow ours, each synced by DIFF or SNAP, and the
 * ensemble serves every acknowledged write throughout.
 */
class MixedEnsembleIT {

    /** Kept when a test fails: both kinds' logs are the only way to tell which side broke. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    /**
     * The rolling replacement an operator would do: SIGTERM to one Apache server, ours started on
     * its zoo.cfg and data dir, wait until it serves and the ensemble has one leader; followers
     * first, the leader last, while clients write through all servers.
     */
    @Test
    void anApacheEnsembleIsReplacedByOursOneServerAtATimeUnderWrites() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 0)) {
            for (int id = 1; id <= 3; id++) {
                ensemble.start(id, MemberKind.APACHE);
            }
            ensemble.awaitLeader();
            try (AckedWrites writes = new AckedWrites(ensemble.connectString(), 2)) {
                writes.awaitProgress(50, 30);
                for (int step = 1; step <= 3; step++) {
                    int replaced = nextToReplace(ensemble, ensemble.awaitLeader());
                    ensemble.stop(replaced);
                    writes.awaitProgress(20, 60);
                    ensemble.start(replaced, MemberKind.ZKPLATFORM);
                    ensemble.awaitLeader();
                    writes.awaitProgress(50, 60);
                    assertEveryRunningServerSeesAWriteThrough(ensemble, replaced, "/after-step-" + step);
                }
                writes.stop();
                for (int id = 1; id <= 3; id++) {
                    assertEquals(MemberKind.ZKPLATFORM, ensemble.kind(id));
                }
                ensemble.awaitLeader();
                Map<String, TreeImages.Node> tree = TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3));
                writes.assertAllPresent(tree, "logs in " + dir);
                assertTrue(writes.acknowledged() > 0);
            }
            assertApacheReadEverythingOursSent(ensemble);
        }
    }

    /**
     * Our leader with Apache followers: one that missed a few txns is sent a DIFF, one with an
     * empty data dir a SNAP; both serve reads of what was written through ours and forward writes
     * to our leader.
     */
    @Test
    void apacheFollowersSyncFromOurLeaderByDiffAndSnap() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 0, "snapCount=100000")) {
            ensemble.startAll();
            int leader = ensemble.awaitLeader();
            List<Integer> followers = ensemble.members().stream().map(Ensemble.Member::id)
                    .filter(id -> id != leader).toList();
            int diffed = followers.get(0);
            int snapped = followers.get(1);
            try (Clients clients = new Clients()) {
                ZooKeeper zk = clients.connect(ensemble.connectString(leader));
                zk.create("/mixed", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

                // DIFF: a follower that missed a few txns comes back as Apache's server.
                ensemble.stop(diffed);
                for (int i = 0; i < 20; i++) {
                    zk.create("/mixed/d-", new byte[] {(byte) i}, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
                }
                ensemble.start(diffed, MemberKind.APACHE);
                assertEquals(leader, ensemble.awaitLeader(), "our leader keeps leading");
                assertTrue(ensemble.apacheLog(diffed).contains("Getting a diff from the leader"),
                        "Apache's follower is sent a DIFF; logs in " + dir);
                assertEveryRunningServerSeesAWriteThrough(ensemble, diffed, "/through-apache-diffed");
                assertASessionOnAFollowerLivesWhileItsClientDoes(ensemble, diffed, leader);

                // SNAP: a follower whose data dir is empty but for its myid comes back as Apache's server.
                ensemble.stop(snapped);
                Clients.deleteVersion2(ensemble.member(snapped).data());
                zk.create("/mixed/while-away", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                ensemble.start(snapped, MemberKind.APACHE);
                assertEquals(leader, ensemble.awaitLeader(), "our leader keeps leading");
                assertTrue(ensemble.apacheLog(snapped).contains("Getting a snapshot from leader"),
                        "Apache's follower is sent a SNAP; logs in " + dir);
                assertEveryRunningServerSeesAWriteThrough(ensemble, snapped, "/through-apache-snapped");

                // Writes under load go on through Apache's followers and our leader alike.
                try (AckedWrites writes = new AckedWrites(ensemble.connectString(), 2)) {
                    writes.awaitProgress(100, 60);
                    writes.stop();
                    Map<String, TreeImages.Node> tree = TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3));
                    writes.assertAllPresent(tree, "logs in " + dir);
                    assertTrue(tree.containsKey("/mixed/while-away"));
                    assertEquals(21, tree.get("/mixed").numChildren());
                }
            }
            assertApacheReadEverythingOursSent(ensemble);
        }
    }

    /**
     * Apache's leader establishing a new epoch with our follower as the one it needs for a quorum,
     * our follower behind it by a few txns (a DIFF with proposals): ZooKeeper's leader takes the
     * first packet after NEWLEADER for the ACK of it, so nothing of ours may come before.
     */
    @Test
    void ourLaggingFollowerCompletesTheQuorumOfANewApacheLeader() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 0)) {
            ensemble.start(1, MemberKind.APACHE);
            ensemble.start(2, MemberKind.APACHE);
            ensemble.start(3, MemberKind.ZKPLATFORM);
            ensemble.awaitLeader();
            try (Clients clients = new Clients()) {
                clients.connect(ensemble.connectString(1)).create("/lag", null, Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                ensemble.stop(3);
                ensemble.awaitLeader(List.of(1, 2));
                ZooKeeper zk = clients.connect(ensemble.connectString(1));
                for (int i = 0; i < 20; i++) {
                    zk.create("/lag/d-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
                }
            }
            // With server 2 gone, server 1 (the newest txns) can lead only with ours as its follower,
            // which lacks the last 20 of them.
            ensemble.stop(2);
            ensemble.start(3, MemberKind.ZKPLATFORM);
            assertEquals(1, ensemble.awaitLeader(List.of(1, 3)), "the server with the newest txns leads");
            assertEveryRunningServerSeesAWriteThrough(ensemble, 3, "/through-ours");
            assertASessionOnAFollowerLivesWhileItsClientDoes(ensemble, 3, 1);
            try (Clients clients = new Clients()) {
                ZooKeeper ours = clients.connect(ensemble.connectString(3));
                Clients.sync(ours, "/lag");
                assertEquals(20, ours.getChildren("/lag", false).size(), "our follower has the txns it missed");
            }
            assertApacheReadEverythingOursSent(ensemble);
        }
    }

    /**
     * Observers across kinds, each behind by a few txns when it comes back (a DIFF with
     * proposals): ours observing Apache's leader, then, once the participants are ours, Apache's
     * observing ours. Each serves reads of the ensemble's writes and forwards writes.
     */
    @Test
    void observersOfEitherKindSyncFromALeaderOfTheOther() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 1)) {
            for (int id = 1; id <= 3; id++) {
                ensemble.start(id, MemberKind.APACHE);
            }
            ensemble.start(4, MemberKind.ZKPLATFORM);
            ensemble.awaitLeader();
            restartBehind(ensemble, 4, MemberKind.ZKPLATFORM, "/missed-by-ours");
            assertEquals("observer", ensemble.mode(4).orElseThrow());
            assertTrue(ensemble.log(4).contains("after a DIFF sync"), "our observer is sent a DIFF; logs in " + dir);
            assertEveryRunningServerSeesAWriteThrough(ensemble, 4, "/through-our-observer");

            for (int step = 1; step <= 3; step++) {
                int replaced = nextToReplace(ensemble, ensemble.awaitLeader());
                ensemble.stop(replaced);
                ensemble.start(replaced, MemberKind.ZKPLATFORM);
            }
            ensemble.awaitLeader();
            restartBehind(ensemble, 4, MemberKind.APACHE, "/missed-by-apache");
            assertEquals("observer", ensemble.mode(4).orElseThrow());
            assertTrue(ensemble.apacheLog(4).contains("Getting a diff from the leader"),
                    "Apache's observer is sent a DIFF; logs in " + dir);
            assertEveryRunningServerSeesAWriteThrough(ensemble, 4, "/through-apache-observer");
            Map<String, TreeImages.Node> tree = TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3, 4));
            assertEquals(10, tree.get("/missed-by-ours").numChildren());
            assertEquals(10, tree.get("/missed-by-apache").numChildren());
            assertApacheReadEverythingOursSent(ensemble);
        }
    }

    /**
     * Stops server {@code id} once it has {@code parent}, writes ten children of it without the
     * server, and starts it as {@code kind}: its last txn is in the leader's committed log, so the
     * leader sends those ten as a DIFF (a server still at the epoch's first zxid would get a SNAP).
     */
    private static void restartBehind(Ensemble ensemble, int id, MemberKind kind, String parent) throws Exception {
        int leader = ensemble.awaitLeader();
        try (Clients clients = new Clients()) {
            ZooKeeper zk = clients.connect(ensemble.connectString(leader));
            zk.create(parent, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            ZooKeeper onServer = clients.connect(ensemble.connectString(id));
            Clients.sync(onServer, parent);
            assertNotNull(onServer.exists(parent, false));
            ensemble.stop(id);
            for (int i = 0; i < 10; i++) {
                zk.create(parent + "/c-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
            }
        }
        ensemble.start(id, kind);
        ensemble.awaitLeader();
    }

    /**
     * What Apache's servers say when something of ours is not what they expect: a packet they
     * cannot read, a packet out of turn during sync, an ACK of NEWLEADER that is not one, a tree
     * whose digest differs from the one its leader computed.
     */
    private static void assertApacheReadEverythingOursSent(Ensemble ensemble) throws Exception {
        List<String> complaints = List.of("NullPointerException", "Next packet was supposed to be an ACK",
                "is from a different epoch", "Timeout while waiting for NEWLEADER", "Got unexpected packet",
                "Missing signature", "Digests are not matching", "First digest mismatch");
        for (Ensemble.Member m : ensemble.members()) {
            String log = ensemble.apacheLog(m.id());
            for (String complaint : complaints) {
                assertFalse(log.contains(complaint), "Apache's server " + m.id() + " logged '" + complaint + "': see "
                        + ensemble.apacheOutput(m.id()));
            }
        }
    }

    /**
     * A session with a short timeout on follower {@code follower} keeps its ephemeral node for
     * several timeouts while its client stays connected (the leader, which expires sessions, hears
     * of it only in the follower's answers to its pings), and loses it when the client closes it.
     */
    private static void assertASessionOnAFollowerLivesWhileItsClientDoes(Ensemble ensemble, int follower,
            int leader) throws Exception {
        int timeoutMs = 2000;
        String path = "/ephemeral-on-" + follower;
        try (Clients clients = new Clients()) {
            ZooKeeper client = clients.connect(ensemble.connectString(follower), timeoutMs);
            client.create(path, null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            Thread.sleep(3L * timeoutMs);
            ZooKeeper onLeader = clients.connect(ensemble.connectString(leader));
            Clients.sync(onLeader, path);
            assertNotNull(onLeader.exists(path, false), "the session on server " + follower + " ("
                    + ensemble.kind(follower) + ") is alive on leader " + leader + " (" + ensemble.kind(leader) + ")");
            client.close(5000);
            Clients.sync(onLeader, path);
            assertNull(onLeader.exists(path, false), "closing the session removed its ephemeral node");
        }
    }

    /** An Apache server that is not the leader, else the leader: followers are replaced first. */
    private static int nextToReplace(Ensemble ensemble, int leader) {
        List<Integer> apache = new ArrayList<>();
        for (Ensemble.Member m : ensemble.members()) {
            if (ensemble.kind(m.id()) == MemberKind.APACHE) {
                apache.add(m.id());
            }
        }
        return apache.stream().filter(id -> id != leader).findFirst().orElseGet(() -> {
            assertEquals(List.of(leader), apache, "only the leader is left to replace");
            return leader;
        });
    }

    /** Creates {@code path} through server {@code writer}; every running server reads it after a sync. */
    private static void assertEveryRunningServerSeesAWriteThrough(Ensemble ensemble, int writer, String path)
            throws Exception {
        byte[] data = ("written through " + writer).getBytes(StandardCharsets.UTF_8);
        try (Clients clients = new Clients()) {
            clients.connect(ensemble.connectString(writer)).create(path, data, Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            for (Ensemble.Member m : ensemble.members()) {
                if (!ensemble.isRunning(m.id())) {
                    continue;
                }
                ZooKeeper reader = clients.connect(ensemble.connectString(m.id()));
                Clients.sync(reader, path);
                assertArrayEquals(data, reader.getData(path, false, null), "server " + m.id() + " ("
                        + ensemble.kind(m.id()) + ") reads " + path + " written through server " + writer);
            }
        }
    }
}
