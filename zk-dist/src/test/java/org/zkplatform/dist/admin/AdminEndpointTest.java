package org.zkplatform.dist.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.dist.LaunchOptions;
import org.zkplatform.dist.Launcher;

/**
 * The admin endpoint of a standalone server composed by the real launcher in this JVM, on free
 * ports of 127.0.0.1, driven by the Apache ZooKeeper client.
 */
class AdminEndpointTest {

    @TempDir
    static Path dir;

    private static Launcher.Running running;
    private static ZooKeeper client;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        Path config = Files.writeString(dir.resolve("zk.conf"), String.join("\n",
                "zk.server.tick-time = 2000ms",
                "zk.client { address = \"127.0.0.1\", port = 0, four-letter-words = [\"*\"] }",
                "zk.admin { address = \"127.0.0.1\", port = 0 }",
                "zk.storage.data-dir = \"" + dir.resolve("data") + "\"", ""));
        running = Launcher.start(LaunchOptions.parse("--config", config.toString(),
                "--plugins", dir.resolve("no-plugins").toString()));
        InetSocketAddress admin = running.adminAddress().orElseThrow();
        base = "http://127.0.0.1:" + admin.getPort();
        CountDownLatch connected = new CountDownLatch(1);
        client = new ZooKeeper("127.0.0.1:" + running.server().clientAddress().getPort(), 30_000, event -> {
            if (event.getState() == org.apache.zookeeper.Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(connected.await(30, TimeUnit.SECONDS), "the client did not connect");
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (running != null) {
            running.stop();
        }
    }

    private Http.Response get(String path) throws Exception {
        return Http.get(base + path);
    }

    private Map<String, Object> json(String path, int status) throws Exception {
        Http.Response response = get(path);
        assertEquals(status, response.status(), path + ": " + response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        return JsonReader.object(response.body());
    }

    @Test
    void ruokAnswersAsZooKeepersAdminServerDoes() throws Exception {
        assertEquals(Map.of("command", "ruok"), withoutNulls(json("/commands/ruok", 200)));
        assertTrue(json("/commands/ruok", 200).containsKey("error"));
        assertNull(json("/commands/ruok", 200).get("error"));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }

    @Test
    void commandsListsEveryCommandWithItsAliases() throws Exception {
        Map<String, Object> list = json("/commands", 200);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> commands = (List<Map<String, Object>>) list.get("commands");
        assertEquals(18, commands.size());
        assertTrue(commands.contains(Map.of("name", "monitor", "aliases", List.of("mntr"), "url", "/commands/monitor")),
                commands.toString());
    }

    @Test
    void monitorHasMntrsKeysWithoutTheirPrefix() throws Exception {
        client.create("/monitored", new byte[10], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        client.create("/monitored/e", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);

        Map<String, Object> mntr = json("/commands/mntr", 200);

        assertEquals("monitor", mntr.get("command"));
        assertEquals("standalone", mntr.get("server_state"));
        assertTrue(((String) mntr.get("version")).startsWith("3.9.5-zkplatform"));
        assertTrue((Long) mntr.get("znode_count") >= 4, mntr.toString());
        assertTrue((Long) mntr.get("ephemerals_count") >= 1, mntr.toString());
        assertTrue((Long) mntr.get("num_alive_connections") >= 1, mntr.toString());
        for (String key : List.of("avg_latency", "max_latency", "min_latency", "packets_received", "packets_sent",
                "outstanding_requests", "watch_count", "approximate_data_size", "global_sessions", "uptime",
                "fsync_threshold_exceed_count", "commit_count")) {
            assertTrue(mntr.containsKey(key), key + " missing from " + mntr);
        }
    }

    @Test
    void serverStatsAndItsAliasesNameTheCommandByItsPrimaryName() throws Exception {
        Map<String, Object> srvr = json("/commands/srvr", 200);
        Map<String, Object> stat = json("/commands/stat", 200);

        assertEquals("server_stats", srvr.get("command"));
        assertEquals(false, srvr.get("read_only"));
        assertEquals("standalone", ((Map<?, ?>) srvr.get("server_stats")).get("server_state"));
        assertTrue(srvr.get("node_count") instanceof Long);
        assertEquals("stats", stat.get("command"));
        assertTrue(((List<?>) stat.get("connections")).size() >= 1, stat.toString());
    }

    @Test
    void connectionsWatchesAndDumpReportTheSession() throws Exception {
        String session = Long.toString(client.getSessionId());
        client.create("/watched", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        client.create("/watched/mine", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        client.exists("/watched", true);

        Map<String, Object> cons = json("/commands/cons", 200);
        Map<String, Object> wchc = json("/commands/wchc", 200);
        Map<String, Object> wchp = json("/commands/wchp", 200);
        Map<String, Object> wchs = json("/commands/wchs", 200);
        Map<String, Object> dump = json("/commands/dump", 200);

        assertTrue(cons.get("connections").toString().contains("0x" + Long.toHexString(client.getSessionId())),
                cons.toString());
        assertTrue(((List<?>) ((Map<?, ?>) wchc.get("session_id_to_watched_paths")).get(session)).contains("/watched"),
                wchc.toString());
        assertTrue(((List<?>) ((Map<?, ?>) wchp.get("path_to_session_ids")).get("/watched"))
                .contains(client.getSessionId()), wchp.toString());
        assertTrue((Long) wchs.get("num_total_watches") >= 1, wchs.toString());
        assertTrue(((List<?>) ((Map<?, ?>) dump.get("session_id_to_ephemeral_paths")).get(session))
                .contains("/watched/mine"), dump.toString());
    }

    @Test
    void theRestAnswerWithZooKeepersFields() throws Exception {
        assertEquals(false, json("/commands/isro", 200).get("read_only"));
        assertTrue(json("/commands/conf", 200).get("client_port") instanceof Long);
        assertTrue(json("/commands/envi", 200).containsKey("java.version"));
        assertTrue(json("/commands/dirs", 200).containsKey("datadir_size"));
        assertEquals(Map.of(), json("/commands/voting_view", 200).get("current_config"));
        assertEquals("server is not initialized", json("/commands/leader", 200).get("error"));
        assertTrue(json("/commands/last_snapshot", 200).get("zxid") instanceof String);
        assertEquals("connection_stat_reset", json("/commands/crst", 200).get("command"));
        assertEquals("stat_reset", json("/commands/srst", 200).get("command"));
    }

    @Test
    void anUnknownCommandIs404WithZooKeepersError() throws Exception {
        Map<String, Object> answer = json("/commands/frobnicate", 404);

        assertEquals("Unknown command: frobnicate", answer.get("error"));
    }

    @Test
    void healthAndReadyAre200WhileAStandaloneServerRuns() throws Exception {
        assertEquals("up", json("/health", 200).get("status"));
        Map<String, Object> ready = json("/ready", 200);
        assertEquals(true, ready.get("ready"));
        assertEquals("standalone", ready.get("state"));
    }

    @Test
    void otherPathsAre404AndOtherMethods405() throws Exception {
        assertEquals(404, get("/nothing-here").status());
        assertEquals(405, Http.request("DELETE", base + "/commands/ruok").status());
    }

    @Test
    void metricsParseAsPrometheusTextAndCountersMoveWithTraffic() throws Exception {
        PrometheusText before = metrics();
        double creates = before.value("request_latency_ms_count", "type", "create").orElse(0.0);
        double commits = before.value("commit_count_total").orElseThrow();
        double fsyncs = before.value("fsynctime_count").orElseThrow();

        client.create("/counted", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int i = 0; i < 5; i++) {
            client.create("/counted/n", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
        }
        client.getData("/counted", false, null);
        PrometheusText after = metrics();

        assertEquals(creates + 6, after.value("request_latency_ms_count", "type", "create").orElseThrow());
        assertTrue(after.value("request_latency_ms_count", "type", "getData").orElseThrow() >= 1);
        assertTrue(after.value("commit_count_total").orElseThrow() >= commits + 6);
        assertTrue(after.value("fsynctime_count").orElseThrow() > fsyncs);
        assertEquals(Double.valueOf(after.value("request_latency_ms_count", "type", "create").orElseThrow()),
                after.value("request_latency_ms_bucket", "type", "create", "le", "+Inf").orElseThrow());
        assertTrue(after.value("znode_count").orElseThrow() >= 9);
        assertEquals(1.0, after.value("server_state", "state", "standalone").orElseThrow());
        assertEquals("histogram", after.type("request_latency_ms").orElseThrow());
        assertEquals("gauge", after.type("outstanding_requests").orElseThrow());
        assertTrue(after.value("num_alive_connections").orElseThrow() >= 1);
        assertTrue(after.value("global_sessions").orElseThrow() >= 1);
        assertTrue(after.type("jvm_memory_used_bytes").isPresent(), "JVM metrics");
        assertTrue(after.type("jvm_threads_current").isPresent(), "JVM thread metrics");
        assertTrue(after.value("jvm_pauses_total", "level", "warn").isPresent(), "pause monitor");
    }

    private PrometheusText metrics() throws Exception {
        Http.Response response = get("/metrics");
        assertEquals(200, response.status());
        assertTrue(response.contentType().startsWith("text/plain"), response.contentType());
        return PrometheusText.parse(response.body());
    }
}
