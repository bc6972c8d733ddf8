package org.zkplatform.dist.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.atomic.DistributedAtomicLong;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ensembles of packaged servers, started from zoo.cfg files, used through the Apache ZooKeeper
 * client and Curator: every server serves the same data, writes go through any of them, a
 * minority may die, and no acknowledged write is lost when the leader is killed.
 */
class EnsembleIT {

    @TempDir
    Path dir;

    @Test
    void threeServersServeOneTreeThroughEveryServer() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 0)) {
            ensemble.startAll();
            int leader = ensemble.awaitLeader();
            try (Clients clients = new Clients()) {
                ZooKeeper[] zk = new ZooKeeper[4];
                for (int id = 1; id <= 3; id++) {
                    zk[id] = clients.connect(ensemble.connectString(id));
                }
                // A write through each server, read back through every other after a sync.
                for (int id = 1; id <= 3; id++) {
                    zk[id].create("/from-" + id, ("v" + id).getBytes(StandardCharsets.UTF_8), Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                }
                for (int reader = 1; reader <= 3; reader++) {
                    Clients.sync(zk[reader], "/");
                    for (int writer = 1; writer <= 3; writer++) {
                        assertArrayEquals(("v" + writer).getBytes(StandardCharsets.UTF_8),
                                zk[reader].getData("/from-" + writer, false, null),
                                "server " + reader + " reads what server " + writer + " took");
                    }
                }
                // Sequential numbering and versions are the ensemble's, whichever server is asked.
                String first = zk[1].create("/seq-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
                String second = zk[2].create("/seq-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
                assertTrue(second.compareTo(first) > 0, first + " then " + second);
                Stat set = zk[3].setData("/from-1", new byte[] {1}, 0);
                assertEquals(1, set.getVersion());
                Clients.sync(zk[leader], "/");
                assertEquals(set.getMzxid(), zk[leader].exists("/from-1", false).getMzxid());
            }
            TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3));
        }
    }

    @Test
    void curatorRecipesWorkAcrossServers() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 0)) {
            ensemble.startAll();
            ensemble.awaitLeader();
            CuratorFramework[] curators = new CuratorFramework[3];
            try {
                for (int i = 0; i < 3; i++) {
                    curators[i] = CuratorFrameworkFactory.newClient(ensemble.connectString(i + 1), 30_000, 15_000,
                            new ExponentialBackoffRetry(100, 5));
                    curators[i].start();
                    assertTrue(curators[i].blockUntilConnected(30, TimeUnit.SECONDS));
                }
                int rounds = 20;
                Thread[] workers = new Thread[3];
                Throwable[] failures = new Throwable[3];
                int[] inside = {0};
                int[] maxInside = {0};
                for (int i = 0; i < 3; i++) {
                    CuratorFramework curator = curators[i];
                    int index = i;
                    workers[i] = new Thread(() -> {
                        try {
                            InterProcessMutex lock = new InterProcessMutex(curator, "/locks/one");
                            DistributedAtomicLong counter = new DistributedAtomicLong(curator, "/counter",
                                    new RetryNTimes(50, 20));
                            for (int r = 0; r < rounds; r++) {
                                assertTrue(lock.acquire(30, TimeUnit.SECONDS));
                                try {
                                    synchronized (inside) {
                                        inside[0]++;
                                        maxInside[0] = Math.max(maxInside[0], inside[0]);
                                    }
                                    assertTrue(counter.increment().succeeded());
                                    synchronized (inside) {
                                        inside[0]--;
                                    }
                                } finally {
                                    lock.release();
                                }
                            }
                        } catch (Throwable t) {
                            failures[index] = t;
                        }
                    });
                    workers[i].start();
                }
                for (Thread worker : workers) {
                    worker.join(TimeUnit.SECONDS.toMillis(120));
                }
                for (Throwable failure : failures) {
                    if (failure != null) {
                        throw new AssertionError("a worker failed", failure);
                    }
                }
                assertEquals(1, maxInside[0], "the lock let two holders in at once");
                DistributedAtomicLong counter = new DistributedAtomicLong(curators[0], "/counter", new RetryNTimes(5, 20));
                curators[0].sync().forPath("/counter");
                assertEquals(3L * rounds, counter.get().postValue());
            } finally {
                for (CuratorFramework curator : curators) {
                    if (curator != null) {
                        curator.close();
                    }
                }
            }
        }
    }

    @Test
    void aSessionMovesBetweenServersWithItsEphemerals() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 0)) {
            ensemble.startAll();
            int leader = ensemble.awaitLeader();
            int follower = ensemble.anyFollower(leader);
            int other = 6 - leader - follower;
            try (Clients clients = new Clients()) {
                ZooKeeper owner = clients.connect(ensemble.connectString(follower));
                owner.create("/eph", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
                long sessionId = owner.getSessionId();
                byte[] password = owner.getSessionPasswd();
                // The server the session lives on dies; the client resumes it on another in time.
                ensemble.kill(follower);
                ZooKeeper resumed = clients.resume(ensemble.connectString(other), sessionId, password);
                assertEquals(sessionId, resumed.getSessionId());
                Stat eph = resumed.exists("/eph", false);
                assertNotNull(eph, "the ephemeral outlives the server its session was made on");
                assertEquals(sessionId, eph.getEphemeralOwner());
                resumed.create("/eph-2", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
                ZooKeeper watcher = clients.connect(ensemble.connectString(leader));
                resumed.close();
                Clients.sync(watcher, "/");
                assertEquals(null, watcher.exists("/eph", false), "closing the session removed its ephemerals");
                assertEquals(null, watcher.exists("/eph-2", false));
            }
        }
    }

    @Test
    void sessionsOfAClientThatGoesAwayExpireOnTheLeader() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 0, "minSessionTimeout=1000")) {
            ensemble.startAll();
            int leader = ensemble.awaitLeader();
            int follower = ensemble.anyFollower(leader);
            try (Clients clients = new Clients()) {
                ZooKeeper watcher = clients.connect(ensemble.connectString(leader));
                ZooKeeper shortLived = clients.connect(ensemble.connectString(follower), 1000);
                shortLived.create("/short", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
                // Freeze the client's server: no pings reach the leader, which must expire the session.
                ensemble.signal(follower, "STOP");
                try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (watcher.exists("/short", false) != null && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    assertEquals(null, watcher.exists("/short", false), "the leader expired the silent session");
                } finally {
                    ensemble.signal(follower, "CONT");
                }
            }
        }
    }

    @Test
    void anObserverServesReadsAndForwardsWritesWithoutVoting() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 1)) {
            ensemble.startAll();
            int leader = ensemble.awaitLeader();
            assertEquals("observer", ensemble.mode(4).orElseThrow());
            try (Clients clients = new Clients()) {
                ZooKeeper observer = clients.connect(ensemble.connectString(4));
                observer.create("/via-observer", new byte[] {4}, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                ZooKeeper onLeader = clients.connect(ensemble.connectString(leader));
                Clients.sync(onLeader, "/");
                assertArrayEquals(new byte[] {4}, onLeader.getData("/via-observer", false, null));
                onLeader.create("/via-leader", new byte[] {5}, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                Clients.sync(observer, "/");
                assertArrayEquals(new byte[] {5}, observer.getData("/via-leader", false, null));
                // Two participants are a quorum of three; the observer does not count either way.
                int follower = ensemble.anyFollower(leader);
                ensemble.kill(follower);
                observer.create("/still-writable", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
        }
    }

    @Test
    void fiveServersKeepServingWithTwoDown() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 5, 0)) {
            ensemble.startAll();
            int leader = ensemble.awaitLeader();
            int[] down = ensemble.members().stream().mapToInt(Ensemble.Member::id).filter(id -> id != leader)
                    .limit(2).toArray();
            try (Clients clients = new Clients()) {
                ZooKeeper zk = clients.connect(ensemble.connectString());
                zk.create("/before", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                for (int id : down) {
                    ensemble.kill(id);
                }
                zk.create("/after", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                for (int id : down) {
                    ensemble.start(id);
                }
            }
            ensemble.awaitLeader();
            TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3, 4, 5));
        }
    }

    @Test
    void learnersAreSyncedByDiffSnapOrTrunc() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 0, "snapCount=100000")) {
            ensemble.startAll();
            int leader = ensemble.awaitLeader();
            int lagging = ensemble.anyFollower(leader);
            try (Clients clients = new Clients()) {
                ZooKeeper zk = clients.connect(ensemble.connectString(leader));
                zk.create("/sync", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                // DIFF: a follower that missed a few txns gets just those.
                ensemble.kill(lagging);
                for (int i = 0; i < 20; i++) {
                    zk.create("/sync/d-", new byte[10], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
                }
                int mark = ensemble.logs().length();
                ensemble.start(lagging);
                ensemble.awaitLeader();
                assertTrue(ensemble.logs().substring(mark).contains("by DIFF"), "a lagging follower is sent a DIFF");

                // SNAP: a follower with an empty data dir gets the whole tree.
                ensemble.kill(lagging);
                Clients.deleteVersion2(ensemble.member(lagging).data());
                mark = ensemble.logs().length();
                ensemble.start(lagging);
                ensemble.awaitLeader();
                assertTrue(ensemble.logs().substring(mark).contains("by SNAP"), "an empty follower is sent a SNAP");
            }
            TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3));
        }
    }

    /**
     * TRUNC: the leader logs a proposal no follower logs and dies; the followers, frozen while it
     * was sent, die too before they read it, come back and move on without it. When the old
     * leader returns it must cut that txn off. Whether the proposal reached the leader's log
     * before the kill is checked with zk-tool, and the attempt repeated if not.
     */
    @Test
    void aServerWithAnAbandonedTxnIsTruncated() throws Exception {
        // A long syncLimit: the frozen followers must not cost the leader its role before the kill.
        try (Ensemble ensemble = new Ensemble(dir, 3, 0, "syncLimit=15")) {
            ensemble.startAll();
            int oldLeader = -1;
            for (int attempt = 0; attempt < 3 && oldLeader < 0; attempt++) {
                int leader = ensemble.awaitLeader();
                List<Integer> followers = ensemble.members().stream().map(Ensemble.Member::id)
                        .filter(id -> id != leader).toList();
                try (Clients clients = new Clients()) {
                    ZooKeeper zk = clients.connect(ensemble.connectString(leader));
                    Clients.sync(zk, "/");
                    for (int id : followers) {
                        ensemble.signal(id, "STOP");
                    }
                    zk.create("/abandoned", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                            (rc, path, ctx, name) -> { }, null);
                    boolean logged = ensemble.awaitLogged(leader, "/abandoned", 5000);
                    // Killed while frozen, the followers never read what sits in their sockets.
                    ensemble.kill(leader);
                    followers.forEach(ensemble::kill);
                    for (int id : followers) {
                        ensemble.start(id);
                    }
                    if (logged) {
                        oldLeader = leader;
                    } else {
                        ensemble.start(leader);
                    }
                }
            }
            assertTrue(oldLeader > 0, "the leader never logged the proposal in 3 attempts");
            ensemble.awaitLeader();
            try (Clients clients = new Clients()) {
                ZooKeeper zk = clients.connect(ensemble.connectString());
                zk.create("/moved-on", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            int mark = ensemble.logs().length();
            ensemble.start(oldLeader);
            ensemble.awaitLeader();
            assertTrue(ensemble.logs().substring(mark).contains("by TRUNC"),
                    "a server with an abandoned txn is sent a TRUNC");
            Map<String, TreeImages.Node> tree = TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3));
            assertTrue(!tree.containsKey("/abandoned"), "the abandoned txn is gone everywhere");
            assertTrue(tree.containsKey("/moved-on"));
        }
    }

    @Test
    void killingServersUnderWritesLosesNoAcknowledgedWrite() throws Exception {
        long seed = Long.getLong("ensemble.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        int rounds = Integer.getInteger("ensemble.rounds", 4);
        try (Ensemble ensemble = new Ensemble(dir, 3, 0, "snapCount=400")) {
            ensemble.startAll();
            ensemble.awaitLeader();
            try (AckedWrites writes = new AckedWrites(ensemble.connectString(), 4)) {
                for (int round = 0; round < rounds; round++) {
                    int leader = ensemble.awaitLeader();
                    writes.awaitProgress(50, 30);
                    int victim = random.nextBoolean() ? leader : 1 + random.nextInt(3);
                    ensemble.kill(victim);
                    writes.awaitProgress(20, 60);
                    ensemble.start(victim);
                }
                writes.stop();
                ensemble.awaitLeader();
                Map<String, TreeImages.Node> tree = TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3));
                writes.assertAllPresent(tree, "seed " + seed + " (-Densemble.seed=" + seed + ")");
            }
        }
    }
}
