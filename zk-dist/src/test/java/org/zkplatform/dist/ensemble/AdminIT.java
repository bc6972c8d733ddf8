package org.zkplatform.dist.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.dist.admin.Http;
import org.zkplatform.dist.admin.JsonReader;
import org.zkplatform.dist.admin.PrometheusText;
import org.zkplatform.dist.it.Dist;

/**
 * The admin endpoint of packaged servers, as an orchestrator and a monitoring system use it: a
 * standalone server from HOCON, and a 3-server ensemble from zoo.cfg files whose members are not
 * ready while they look for a leader and are once they serve.
 */
class AdminIT {

    private static final long SETTLE_MILLIS = 60_000;

    @TempDir
    Path dir;

    @Test
    void aPackagedStandaloneServerIsReadyAndItsMetricsMoveWithTraffic() throws Exception {
        int clientPort = Dist.freePort();
        int adminPort = Dist.freePort();
        Path config = Files.writeString(dir.resolve("zk.conf"), String.join("\n",
                "zk.client { address = \"127.0.0.1\", port = " + clientPort + " }",
                "zk.admin { address = \"127.0.0.1\", port = " + adminPort + " }",
                "zk.storage.data-dir = \"" + dir.resolve("data") + "\"", ""));
        Dist dist = new Dist(Dist.builtDir(), Files.createDirectories(dir.resolve("logs")));
        long pid = dist.start(config);
        try (Clients clients = new Clients()) {
            String admin = "http://127.0.0.1:" + adminPort;
            assertEquals(Map.of("ready", true, "state", "standalone", "reason", "serving"), json(admin + "/ready", 200));
            assertEquals("up", json(admin + "/health", 200).get("status"));
            PrometheusText before = metrics(admin);

            ZooKeeper zk = clients.connect("127.0.0.1:" + clientPort);
            for (int i = 0; i < 10; i++) {
                zk.create("/n", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
            }
            PrometheusText after = metrics(admin);

            assertEquals(before.value("request_latency_ms_count", "type", "create").orElse(0.0) + 10,
                    after.value("request_latency_ms_count", "type", "create").orElseThrow());
            assertEquals(before.value("znode_count").orElseThrow() + 10, after.value("znode_count").orElseThrow());
            assertTrue(after.value("fsynctime_count").orElseThrow() >= 1);
            assertTrue(after.value("num_alive_connections").orElseThrow() >= 1);
            Map<String, Object> srvr = json(admin + "/commands/srvr", 200);
            assertEquals("standalone", ((Map<?, ?>) srvr.get("server_stats")).get("server_state"));
        } finally {
            dist.stop(config);
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "zk-server stop left the process");
        }
    }

    @Test
    void anEnsembleMemberIsNotReadyWhileLookingAndIsOnceItServes() throws Exception {
        try (Ensemble ensemble = new Ensemble(dir, 3, 0)) {
            ensemble.start(1);
            String first = admin(ensemble, 1);
            // Alone, server 1 looks for a leader and never finds one: up, not ready, commands refused.
            Map<String, Object> notReady = await(() -> Optional.of(json(first + "/ready", 503))
                    .filter(body -> "looking".equals(body.get("state"))));
            assertEquals(false, notReady.get("ready"));
            assertTrue(((String) notReady.get("reason")).startsWith("looking for a leader"), notReady.toString());
            assertEquals("up", json(first + "/health", 200).get("status"));
            assertEquals("This ZooKeeper instance is not currently serving requests",
                    json(first + "/commands/srvr", 503).get("error"));
            assertEquals("looking", json(first + "/commands/mntr", 200).get("server_state"));

            ensemble.start(2);
            ensemble.start(3);
            int leader = ensemble.awaitLeader();
            for (int id = 1; id <= 3; id++) {
                String admin = admin(ensemble, id);
                Map<String, Object> ready = await(() -> Optional.of(Http.get(admin + "/ready"))
                        .filter(r -> r.status() == 200).map(r -> JsonReader.object(r.body())));
                assertEquals(true, ready.get("ready"));
                assertEquals(id == leader ? "leader" : "follower", ready.get("state"));
                Map<String, Object> lead = json(admin + "/commands/leader", 200);
                assertEquals(id == leader, lead.get("is_leader"));
                assertEquals((long) leader, lead.get("leader_id"));
                assertEquals("127.0.0.1:" + ensemble.member(leader).quorumPort(), lead.get("leader_ip"));
                assertEquals(3, ((Map<?, ?>) json(admin + "/commands/voting_view", 200).get("current_config")).size());
            }

            String leaderAdmin = admin(ensemble, leader);
            int follower = ensemble.anyFollower(leader);
            PrometheusText before = metrics(admin(ensemble, follower));
            try (Clients clients = new Clients()) {
                ZooKeeper zk = clients.connect(ensemble.connectString(follower));
                for (int i = 0; i < 5; i++) {
                    zk.create("/w", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
                }
            }
            PrometheusText atLeader = metrics(leaderAdmin);
            PrometheusText atFollower = metrics(admin(ensemble, follower));

            assertEquals(1.0, atLeader.value("server_state", "state", "leader").orElseThrow());
            assertEquals(2.0, atLeader.value("learners").orElseThrow());
            assertEquals(2.0, atLeader.value("synced_followers").orElseThrow());
            assertEquals(3.0, atLeader.value("quorum_size").orElseThrow());
            assertTrue(atLeader.value("learner_lag_txns", "sid", Integer.toString(follower)).isPresent());
            assertTrue(atLeader.value("proposal_count_total").orElseThrow() >= 5);
            assertTrue(atLeader.value("election_time_count").orElseThrow() >= 1);
            assertTrue(atFollower.value("commit_count_total").orElseThrow()
                    >= before.value("commit_count_total").orElseThrow() + 5);
            assertEquals(1.0, atFollower.value("server_state", "state", "follower").orElseThrow());
            Map<String, Object> mntr = json(leaderAdmin + "/commands/mntr", 200);
            assertEquals("leader", mntr.get("server_state"));
            assertEquals(2L, mntr.get("synced_followers"));
        }
    }

    private static String admin(Ensemble ensemble, int id) {
        return "http://127.0.0.1:" + ensemble.member(id).adminPort();
    }

    private static Map<String, Object> json(String url, int status) throws IOException {
        Http.Response response = Http.get(url);
        assertEquals(status, response.status(), url + ": " + response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        return JsonReader.object(response.body());
    }

    private static PrometheusText metrics(String admin) throws IOException {
        Http.Response response = Http.get(admin + "/metrics");
        assertEquals(200, response.status(), response.body());
        return PrometheusText.parse(response.body());
    }

    /** Polls {@code probe} until it yields a value; bounded by {@link #SETTLE_MILLIS}. */
    private static <T> T await(Callable<Optional<T>> probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        Exception last = null;
        do {
            try {
                Optional<T> value = probe.call();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (IOException | AssertionError e) {
                last = e instanceof IOException io ? io : new IOException(e);
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no answer within " + SETTLE_MILLIS + " ms", last);
    }

}
