package org.zkplatform.dist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zkplatform.dist.StartupException;
import org.zkplatform.dist.admin.AdminConfig;
import org.zkplatform.dist.admin.PauseMonitorConfig;
import org.zkplatform.zab.ClientPortConfig;
import org.zkplatform.zab.ServerConfig;

class ServerSettingsTest {

    private static Config withDefaults(String hocon) throws StartupException {
        Config reference = ConfigLoader.load(ServerSettingsTest.class.getClassLoader(), java.util.Optional.empty(),
                new java.util.Properties());
        return ConfigFactory.parseString(hocon).withFallback(reference).resolve();
    }

    @Test
    void defaultsAreZooKeepersDefaults() throws Exception {
        ServerSettings settings = ServerSettings.from(withDefaults(""));

        assertEquals(new ServerConfig(0, Duration.ofMillis(3000), 10, 5, Duration.ofMillis(6000),
                Duration.ofMillis(60000), false,
                Duration.ofSeconds(60)), settings.server());
        assertEquals(new ClientPortConfig(new InetSocketAddress("127.0.0.1", 2181), 60, 1048575, Set.of("srvr")),
                settings.clientPort());
        assertEquals("plain", settings.clientTransport());
        assertEquals(3, settings.electionAlgorithm());
        assertEquals("file", settings.storageProvider());
        assertTrue(settings.ensemble().isStandalone());
        assertEquals(new AdminConfig(true, InetSocketAddress.createUnresolved("127.0.0.1", 8080), Duration.ofSeconds(5)),
                settings.admin());
        assertEquals(new PauseMonitorConfig(true, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(10)),
                settings.pauseMonitor());
    }

    @Test
    void mapsTheAdminEndpointAndPauseMonitorKeys() throws Exception {
        ServerSettings settings = ServerSettings.from(withDefaults("""
                zk.admin { enabled = false, address = "0.0.0.0", port = 9090, command-timeout = 2s }
                zk.server.pause-monitor { enabled = false, sleep = 100ms, info-threshold = 300ms, warn-threshold = 2s }
                """));

        assertEquals(new AdminConfig(false, InetSocketAddress.createUnresolved("0.0.0.0", 9090), Duration.ofSeconds(2)),
                settings.admin());
        assertEquals(new PauseMonitorConfig(false, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(2)),
                settings.pauseMonitor());
    }

    @Test
    void refusesAWarnThresholdBelowTheInfoThresholdAndABadAdminPort() throws Exception {
        Config config = withDefaults("""
                zk.admin.port = 70000
                zk.server.pause-monitor { info-threshold = 5s, warn-threshold = 1s }
                """);

        StartupException e = assertThrows(StartupException.class, () -> ServerSettings.from(config));

        assertEquals(List.of("bad value for zk.admin.port: '70000'; allowed: an integer from 0 to 65535",
                "bad value for zk.server.pause-monitor.warn-threshold: '1000ms'; allowed: at least info-threshold (5000ms)"),
                e.getMessage().lines().toList());
    }

    @Test
    void mapsEveryKeyExplicitly() throws Exception {
        ServerSettings settings = ServerSettings.from(withDefaults("""
                zk.server { id = 2, tick-time = 500ms, init-limit = 4, sync-limit = 3,
                            min-session-timeout = 2s, max-session-timeout = 9s, extended-types = true,
                            container-check-interval = 5s }
                zk.client { address = "127.0.0.2", port = 3181, max-connections-per-ip = 0,
                            max-frame-bytes = 2MiB, four-letter-words = ["*"], transport = mine }
                zk.quorum { transport = theirs, servers = [
                    { id = 2, host = "127.0.0.1", quorum-port = 2888, election-port = 3888 },
                    { id = 3, host = "127.0.0.1", quorum-port = 2889, election-port = 3889, role = observer,
                      weight = 0, group = 1, client-port = 2183 } ] }
                zk.election.algorithm = 3
                zk.storage.provider = memory
                """));

        assertEquals(new ServerConfig(2, Duration.ofMillis(500), 4, 3, Duration.ofSeconds(2), Duration.ofSeconds(9), true,
                Duration.ofSeconds(5)),
                settings.server());
        assertEquals(new ClientPortConfig(new InetSocketAddress("127.0.0.2", 3181), 0, 2 * 1024 * 1024, Set.of("*")),
                settings.clientPort());
        assertEquals("mine", settings.clientTransport());
        assertEquals("theirs", settings.quorumTransport());
        assertEquals("memory", settings.storageProvider());
        assertEquals(2, settings.ensemble().servers().size());
        var observer = settings.ensemble().servers().get(1);
        assertEquals(org.zkplatform.api.election.LearnerType.OBSERVER, observer.type());
        assertEquals(0, observer.weight());
        assertEquals(1, observer.group());
        assertEquals(2183, observer.clientAddress().orElseThrow().getPort());
    }

    @Test
    void theQuorumTransportReadsItsOwnSectionOverTheSharedOne() throws Exception {
        ServerSettings settings = ServerSettings.from(withDefaults("""
                zk.client.transport = tls
                zk.transport.tls { mode = unified, key-store { location = "/etc/zk/client.p12", password = c } }
                zk.quorum.transport = tls
                zk.quorum.tls { key-store.location = "/etc/zk/quorum.p12", hostname-verification = true }
                """));
        org.zkplatform.api.Settings quorum = settings.quorumTransportSettings();
        assertEquals("/etc/zk/quorum.p12", quorum.getString("key-store.location"));
        // A store is taken whole: the client's password does not go with the quorum's file.
        assertEquals(false, quorum.has("key-store.password"));
        assertEquals("true", quorum.getString("hostname-verification"));
        assertEquals("unified", quorum.getString("mode"));
        assertEquals("zk.quorum.tls.key-store.location", quorum.absoluteKey("key-store.location"));
        assertEquals("zk.transport.tls.mode", quorum.absoluteKey("mode"));
        assertEquals("/etc/zk/client.p12", settings.transportSettings("tls").getString("key-store.location"));
        assertEquals("c", settings.transportSettings("tls").getString("key-store.password"));
    }

    @Test
    void refusesTheAlgorithmsZooKeeperRemoved() throws Exception {
        for (int algorithm = 0; algorithm <= 2; algorithm++) {
            Config config = withDefaults("zk.election.algorithm = " + algorithm);
            StartupException e = assertThrows(StartupException.class, () -> ServerSettings.from(config));
            assertEquals("Election algorithm " + algorithm + " is not supported (zk.election.algorithm); "
                    + "use 3, Fast Leader Election", e.getMessage());
        }
    }

    @Test
    void refusesAnIdOutsideTheServerList() throws Exception {
        Config config = withDefaults("zk.server.id = 4\n zk.quorum.servers = ["
                + "{ id = 1, host = a, quorum-port = 2888, election-port = 3888 },"
                + "{ id = 2, host = b, quorum-port = 2888, election-port = 3888 } ]");
        StartupException e = assertThrows(StartupException.class, () -> ServerSettings.from(config));
        assertEquals("my id 4 is not in the server list (zk.server.id; zk.quorum.servers has 1, 2)", e.getMessage());
    }

    @Test
    void listsEveryBadSettingOnePerLine() throws Exception {
        Config config = withDefaults("zk.client.port = -1\n zk.server.sync-limit = 0\n zk.election.algorithm = 1");
        StartupException e = assertThrows(StartupException.class, () -> ServerSettings.from(config));
        assertEquals(String.join(System.lineSeparator(),
                "bad value for zk.server.sync-limit: '0'; allowed: an integer from 1 to 1000000",
                "bad value for zk.client.port: '-1'; allowed: an integer from 0 to 65535",
                "Election algorithm 1 is not supported (zk.election.algorithm); use 3, Fast Leader Election"),
                e.getMessage());
    }
}
