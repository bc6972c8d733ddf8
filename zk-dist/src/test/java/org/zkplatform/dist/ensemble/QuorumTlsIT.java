package org.zkplatform.dist.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkplatform.dist.ensemble.QuorumCertificates.concat;
import static org.zkplatform.dist.ensemble.QuorumCertificates.serverDn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ensembles of packaged servers whose quorum and election connections run over TLS, configured
 * from zoo.cfg files as ZooKeeper's are (sslQuorum, portUnification, ssl.quorum.*): they elect,
 * replicate and fail over; a server with a certificate from another CA stays out; and a running
 * plaintext ensemble moves to TLS in ZooKeeper's three rolling steps without losing a write.
 */
class QuorumTlsIT {

    private static final String QUORUM_TLS = "TLS for quorum connections: ";
    private static final String PLAINTEXT_REFUSED = "failed: the peer sent plaintext, not a TLS record";
    private static final long LOG_WAIT_SECONDS = 20;

    @TempDir
    Path dir;

    /**
     * Client port and quorum both on TLS, with different material: the client port (unified, so
     * plaintext clients and four-letter words still work) has the client CA's certificates, the
     * quorum the quorum CA's, one per server.
     */
    @Test
    void aTlsQuorumElectsReplicatesAndSurvivesTheLeadersDeath() throws Exception {
        QuorumCertificates certs = QuorumCertificates.create(dir.resolve("certs"), 3);
        IntFunction<List<String>> config = id -> {
            List<String> lines = concat(certs.quorumStores(id), "sslQuorum=true", "client.portUnification=true");
            lines.addAll(certs.clientStores());
            return lines;
        };
        try (Ensemble ensemble = new Ensemble(dir, 3, 0, config)) {
            ensemble.startAll();
            int leader = ensemble.awaitLeader();
            int follower = ensemble.anyFollower(leader);
            int other = 6 - leader - follower;
            for (int id = 1; id <= 3; id++) {
                String log = ensemble.log(id);
                assertTrue(log.contains(QUORUM_TLS + "tls-only, opening TLS connections"), "server " + id);
                assertTrue(log.contains("hostname verification on, presenting " + serverDn(id)), "server " + id);
                assertTrue(log.contains("TLS for client connections: unified")
                        && log.contains("hostname verification off, presenting CN=client port"), "server " + id);
            }
            try (Clients clients = new Clients()) {
                ZooKeeper writer = clients.connect(ensemble.connectString(follower));
                writer.create("/over-tls", bytes("replicated"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                ZooKeeper reader = clients.connect(ensemble.connectString(other));
                Clients.sync(reader, "/");
                assertArrayEquals(bytes("replicated"), reader.getData("/over-tls", false, null));
                try (ZooKeeper secure = connect(ensemble.connectString(leader), certs.applicationClientConfig())) {
                    Clients.sync(secure, "/");
                    assertArrayEquals(bytes("replicated"), secure.getData("/over-tls", false, null));
                }
            }

            // The quorum's ports take TLS only, and only from certificates of the quorum's CA.
            assertTrue(QuorumProbe.closesPlaintext(ensemble.member(leader).quorumPort()));
            assertTrue(QuorumProbe.closesPlaintext(ensemble.member(follower).electionPort()));
            assertTrue(QuorumProbe.refusesTls(ensemble.member(follower).electionPort(), certs.application(),
                    certs.quorumTrust()), "a certificate of the client CA is refused on the election port");
            awaitLog(ensemble, leader, PLAINTEXT_REFUSED);
            awaitLog(ensemble, follower, PLAINTEXT_REFUSED);

            ensemble.kill(leader);
            int newLeader = ensemble.awaitLeader();
            assertNotEquals(leader, newLeader);
            try (Clients clients = new Clients()) {
                ZooKeeper zk = clients.connect(ensemble.connectString(follower) + "," + ensemble.connectString(other));
                zk.create("/after-failover", bytes("written"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            ensemble.start(leader);
            ensemble.awaitLeader();
            Map<String, TreeImages.Node> tree = TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3));
            assertTrue(tree.containsKey("/over-tls") && tree.containsKey("/after-failover"), tree.keySet().toString());
        }
    }

    /**
     * Server 3's certificate comes from a CA the others do not trust (it trusts theirs): 1 and 2
     * refuse it both ways and serve as a quorum of two; each side says why in one line per
     * direction, not once per redial.
     */
    @Test
    void aServerWithACertificateFromAnotherCaCannotJoin() throws Exception {
        QuorumCertificates certs = QuorumCertificates.create(dir.resolve("certs"), 3);
        IntFunction<List<String>> config = id -> concat(certs.quorumStores(
                id == 3 ? certs.otherCaKeyStore(3) : certs.quorumKeyStore(id)), "sslQuorum=true");
        try (Ensemble ensemble = new Ensemble(dir, 3, 0, config)) {
            ensemble.startAll();
            ensemble.awaitLeader(List.of(1, 2));
            try (Clients clients = new Clients()) {
                ZooKeeper one = clients.connect(ensemble.connectString(1));
                one.create("/without-3", bytes("two of three"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                ZooKeeper two = clients.connect(ensemble.connectString(2));
                Clients.sync(two, "/");
                assertArrayEquals(bytes("two of three"), two.getData("/without-3", false, null));
            }
            String refused = "certificate " + serverDn(3) + " (issued by " + QuorumCertificates.OTHER_CA
                    + ") refused: it does not chain to a certificate of the trust store";
            awaitLog(ensemble, 1, refused);
            awaitLog(ensemble, 2, refused);
            awaitLog(ensemble, 3, "the peer refused our certificate");
            assertTrue(ensemble.isRunning(3));
            assertTrue(ensemble.mode(3).isEmpty(), "server 3 does not serve");

            for (int id : List.of(1, 2)) {
                // Its dials to 3 meet 3's certificate; 3's dials to it come without one, since a JDK peer
                // offers only a certificate from a CA the other side names as trusted. One line for each.
                List<String> lines = warnings(ensemble.log(id), "TLS handshake");
                assertTrue(lines.stream().allMatch(line -> line.contains(refused)
                        || line.contains("failed: the peer sent no certificate")), String.join("\n", lines));
                assertTrue(lines.size() <= 2, String.join("\n", lines));
            }
            List<String> rogue = warnings(ensemble.log(3), "TLS handshake");
            assertTrue(!rogue.isEmpty() && rogue.size() <= 2, String.join("\n", rogue));
            assertTrue(rogue.stream().allMatch(line -> line.contains("TLS handshake of a quorum connection from 127.0.0.1:")
                    && line.contains("failed: the peer refused our certificate (TLS alert")), String.join("\n", rogue));
            assertTrue(ensemble.mode(3).isEmpty(), "server 3 still does not serve");
        }
    }

    /**
     * ZooKeeper's documented way from a plaintext quorum to TLS without downtime, one server at a
     * time in each step, followers first: (a) portUnification=true with sslQuorum=false (accept
     * both, dial plaintext), (b) sslQuorum=true (dial TLS), (c) portUnification off. Clients write
     * all along; no acknowledged write is lost, and at the end plaintext is refused everywhere.
     */
    @Test
    void aPlaintextEnsembleMovesToTlsInThreeRollingStepsUnderWrites() throws Exception {
        QuorumCertificates certs = QuorumCertificates.create(dir.resolve("certs"), 3);
        try (Ensemble ensemble = new Ensemble(dir, 3, 0)) {
            ensemble.startAll();
            ensemble.awaitLeader();
            // One writer: enough to see every restart, and a tree small enough to read back three times quickly.
            try (AckedWrites writes = new AckedWrites(ensemble.connectString(), 1)) {
                writes.awaitProgress(20, 30);
                restartEach(ensemble, writes, id -> concat(certs.quorumStores(id), "sslQuorum=false",
                        "portUnification=true"), "unified, opening plaintext connections");
                restartEach(ensemble, writes, id -> concat(certs.quorumStores(id), "sslQuorum=true",
                        "portUnification=true"), "unified, opening TLS connections");
                restartEach(ensemble, writes, id -> concat(certs.quorumStores(id), "sslQuorum=true"),
                        "tls-only, opening TLS connections");
                writes.stop();

                int leader = ensemble.awaitLeader();
                Map<String, TreeImages.Node> tree = TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3));
                writes.assertAllPresent(tree, "after the rolling move to TLS");
                assertTrue(writes.acknowledged() >= 20 + 9 * 10, "acknowledged " + writes.acknowledged());
                assertTrue(QuorumProbe.closesPlaintext(ensemble.member(leader).quorumPort()));
                for (int id = 1; id <= 3; id++) {
                    assertTrue(QuorumProbe.closesPlaintext(ensemble.member(id).electionPort()), "server " + id);
                    awaitLog(ensemble, id, PLAINTEXT_REFUSED);
                }
            }
        }
    }

    /** Restarts every server with {@code config}, followers first, each rejoining before the next goes. */
    private static void restartEach(Ensemble ensemble, AckedWrites writes, IntFunction<List<String>> config,
                                    String quorumTls) throws Exception {
        int leader = ensemble.awaitLeader();
        List<Integer> order = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            if (id != leader) {
                order.add(id);
            }
        }
        order.add(leader);
        for (int id : order) {
            int mark = ensemble.log(id).length();
            ensemble.reconfigure(id, config.apply(id));
            ensemble.stop(id);
            ensemble.start(id);
            ensemble.awaitLeader();
            assertTrue(ensemble.log(id).substring(mark).contains(QUORUM_TLS + quorumTls),
                    "server " + id + " restarted with: " + quorumTls);
            writes.awaitProgress(10, 30);
        }
    }

    private static void awaitLog(Ensemble ensemble, int id, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOG_WAIT_SECONDS);
        while (!ensemble.log(id).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("server " + id + " did not log '" + text + "' within " + LOG_WAIT_SECONDS
                        + " s; its warnings:\n" + String.join("\n", warnings(ensemble.log(id), "")));
            }
            Thread.sleep(100);
        }
    }

    private static List<String> warnings(String log, String containing) {
        return log.lines().filter(line -> line.contains(" WARN ") && line.contains(containing)).toList();
    }

    private static ZooKeeper connect(String connectString, ZKClientConfig config) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, Clients.SESSION_TIMEOUT_MS, event -> {
            if (event.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, config);
        if (!connected.await(30, TimeUnit.SECONDS)) {
            zk.close(5000);
            throw new AssertionError("no TLS session with " + connectString + " within 30 s");
        }
        return zk;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
