package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/** Four-letter words on the client port, with the formats monitoring tools and zkServer.sh parse. */
class FourLetterWordTest extends CompatTestBase {

    /** Apache's node count includes the root twice (it is kept under "" and "/"): a fresh server reports 5. */
    private static final int NODE_COUNT_WITH_ONE_NODE = 6;

    @CompatTest
    void ruokAnswersImok(ServerFixture server) {
        assertEquals("imok", server.fourLetterWord("ruok"));
    }

    @CompatTest
    void srvrReportsModeZxidAndNodeCount(ServerFixture server) throws Exception {
        long zxid = createNode(server.client()).getCzxid();

        List<String> lines = server.fourLetterWord("srvr").lines().toList();

        assertTrue(lines.get(0).startsWith("Zookeeper version: "), lines::toString);
        assertLinesMatch(lines, "Latency min/avg/max: \\d+/[0-9.]+/\\d+", "Received: \\d+", "Sent: \\d+",
                "Connections: \\d+", "Outstanding: 0");
        assertTrue(lines.contains("Zxid: 0x" + Long.toHexString(zxid)), lines::toString);
        assertTrue(lines.contains("Mode: standalone"), lines::toString);
        assertTrue(lines.contains("Node count: " + NODE_COUNT_WITH_ONE_NODE), lines::toString);
    }

    @CompatTest
    void statAddsAClientsSection(ServerFixture server) throws Exception {
        createNode(server.client());

        String output = server.fourLetterWord("stat");
        List<String> lines = output.lines().toList();

        assertTrue(lines.get(0).startsWith("Zookeeper version: "), output);
        assertEquals("Clients:", lines.get(1), output);
        assertTrue(Pattern.compile("^ /127\\.0\\.0\\.1:\\d+\\[\\d+]\\(queued=\\d+,recved=\\d+,sent=\\d+\\)$", Pattern.MULTILINE)
                .matcher(output).find(), output);
        assertTrue(output.contains(")\n\nLatency min/avg/max: "), "a blank line ends the clients: " + output);
        assertTrue(lines.contains("Mode: standalone"), output);
    }

    @CompatTest
    void mntrPrintsTabSeparatedKeysAndValues(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        createNode(zk);
        zk.getData("/node", true, null);

        Map<String, String> values = new HashMap<>();
        for (String line : server.fourLetterWord("mntr").lines().toList()) {
            // Keys may embed znode names (Apache's per-namespace metrics), so only the shape is checked.
            assertTrue(line.startsWith("zk_") && line.contains("\t"), () -> "line: " + line);
            String[] keyAndValue = line.split("\t", 2);
            values.put(keyAndValue[0], keyAndValue[1]);
        }

        assertTrue(values.containsKey("zk_version"));
        assertEquals("standalone", values.get("zk_server_state"));
        assertEquals(String.valueOf(NODE_COUNT_WITH_ONE_NODE), values.get("zk_znode_count"));
        assertEquals("1", values.get("zk_ephemerals_count"));
        assertEquals("1", values.get("zk_watch_count"));
        assertEquals("1", values.get("zk_global_sessions"));
        for (String key : List.of("zk_avg_latency", "zk_max_latency", "zk_min_latency", "zk_packets_received",
                "zk_packets_sent", "zk_num_alive_connections", "zk_outstanding_requests", "zk_uptime",
                "zk_approximate_data_size", "zk_open_file_descriptor_count", "zk_max_file_descriptor_count")) {
            assertTrue(values.getOrDefault(key, "").matches("[0-9.]+"), () -> key + " = " + values.get(key));
        }
    }

    @CompatTest
    void confListsTheServerSettings(ServerFixture server) {
        Map<String, String> settings = new HashMap<>();
        server.fourLetterWord("conf").lines().forEach(line -> {
            String[] keyAndValue = line.split("=", 2);
            settings.put(keyAndValue[0], keyAndValue.length > 1 ? keyAndValue[1] : "");
        });

        assertTrue(settings.keySet().containsAll(List.of("clientPort", "secureClientPort", "dataDir", "dataDirSize",
                "dataLogDir", "dataLogSize", "tickTime", "maxClientCnxns", "minSessionTimeout", "maxSessionTimeout",
                "clientPortListenBacklog", "serverId")), settings::toString);
        assertEquals(String.valueOf(server.server().clientAddress().getPort()), settings.get("clientPort"));
        assertEquals("2000", settings.get("tickTime"));
        assertEquals("4000", settings.get("minSessionTimeout"));
        assertEquals("40000", settings.get("maxSessionTimeout"));
        assertEquals("0", settings.get("serverId"));
    }

    @CompatTest
    void consDescribesEachConnection(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        createNode(zk);

        String output = server.fourLetterWord("cons");

        String session = Long.toHexString(zk.getSessionId());
        assertTrue(Pattern.compile("^ /127\\.0\\.0\\.1:\\d+\\[\\d+]\\(queued=\\d+,recved=\\d+,sent=\\d+,sid=0x" + session
                + ",lop=CREA,est=\\d+,to=30000,lcxid=0x[0-9a-f]+,lzxid=0x[0-9a-f]+,lresp=\\d+,llat=\\d+,minlat=\\d+,avglat=\\d+,maxlat=\\d+\\)$",
                Pattern.MULTILINE).matcher(output).find(), output);
        assertTrue(output.endsWith("\n\n"), "a blank line ends the list: " + output);
    }

    @CompatTest
    void enviListsTheEnvironment(ServerFixture server) {
        String output = server.fourLetterWord("envi");

        assertTrue(output.startsWith("Environment:\n"), output);
        for (String key : List.of("zookeeper.version", "host.name", "java.version", "os.name", "user.dir")) {
            assertTrue(output.contains("\n" + key + "="), () -> key + " in " + output);
        }
    }

    @CompatTest
    void watchWordsSummariseWatchesBySessionAndPath(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        createNode(zk);
        zk.exists("/node", true);
        String session = "0x" + Long.toHexString(zk.getSessionId());

        assertEquals("1 connections watching 1 paths\nTotal watches:1\n", server.fourLetterWord("wchs"));
        assertEquals(session + "\n\t/node\n\n", server.fourLetterWord("wchc"));
        assertEquals("/node\n\t" + session + "\n\n", server.fourLetterWord("wchp"));
    }

    @CompatTest
    void dumpListsSessionsAndTheirEphemerals(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        createNode(zk);
        String session = "0x" + Long.toHexString(zk.getSessionId());

        String output = server.fourLetterWord("dump");

        assertTrue(output.startsWith("SessionTracker dump:\n"), output);
        assertTrue(output.contains("\nephemeral nodes dump:\nSessions with Ephemerals (1):\n" + session + ":\n\t/node\n"), output);
    }

    @CompatTest
    void isroSaysReadWrite(ServerFixture server) {
        assertEquals("rw", server.fourLetterWord("isro"));
    }

    @CompatTest
    void crstAndSrstResetStatistics(ServerFixture server) {
        assertEquals("Connection stats reset.\n", server.fourLetterWord("crst"));
        assertEquals("Server stats reset.\n", server.fourLetterWord("srst"));
    }

    @CompatTest
    @WithServerOptions(fourLetterWords = "srvr")
    void wordsOutsideTheWhitelistAreRefused(ServerFixture server) {
        assertEquals("ruok is not executed because it is not in the whitelist.\n", server.fourLetterWord("ruok"));
        assertEquals("mntr is not executed because it is not in the whitelist.\n", server.fourLetterWord("mntr"));
        assertTrue(server.fourLetterWord("srvr").contains("\nMode: standalone\n"));
    }

    private static Stat createNode(ZooKeeper zk) throws Exception {
        Stat stat = new Stat();
        zk.create("/node", utf8("data"), OPEN, CreateMode.EPHEMERAL, stat);
        return stat;
    }

    private static void assertLinesMatch(List<String> lines, String... patterns) {
        Arrays.stream(patterns).forEach(pattern ->
                assertTrue(lines.stream().anyMatch(line -> line.matches(pattern)), () -> pattern + " in " + lines));
    }
}
