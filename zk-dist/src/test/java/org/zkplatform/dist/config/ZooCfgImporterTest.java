package org.zkplatform.dist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.dist.StartupException;

class ZooCfgImporterTest {

    @TempDir
    Path dir;

    @Test
    void translatesAStandaloneZooCfg() throws Exception {
        Path cfg = Files.writeString(dir.resolve("zoo.cfg"), String.join("\n",
                "# a zoo_sample.cfg",
                "tickTime=2000", "initLimit=10", "syncLimit=5",
                "dataDir=/var/lib/zookeeper", "clientPort=2182",
                "maxClientCnxns=100", "4lw.commands.whitelist=srvr, ruok,mntr",
                "autopurge.snapRetainCount=3"));

        Config config = ConfigLoader.load(getClass().getClassLoader(), Optional.of(cfg), new Properties());

        assertEquals(Duration.ofMillis(2000), config.getDuration("zk.server.tick-time"));
        assertEquals(2182, config.getInt("zk.client.port"));
        assertEquals("0.0.0.0", config.getString("zk.client.address"), "ZooKeeper listens on every interface");
        assertEquals(100, config.getInt("zk.client.max-connections-per-ip"));
        assertEquals(List.of("srvr", "ruok", "mntr"), config.getStringList("zk.client.four-letter-words"));
        assertEquals("/var/lib/zookeeper", config.getString("zk.storage.data-dir"));
        assertTrue(config.getList("zk.quorum.servers").isEmpty());
        assertEquals("0.0.0.0", config.getString("zk.admin.address"), "ZooKeeper's AdminServer listens on every interface");
        assertEquals(8080, config.getInt("zk.admin.port"));
        assertTrue(config.getBoolean("zk.admin.enabled"));
    }

    @Test
    void translatesTheAdminServerAndPauseMonitorKeys() throws Exception {
        Path cfg = Files.writeString(dir.resolve("zoo.cfg"), String.join("\n",
                "tickTime=2000", "dataDir=/var/lib/zookeeper", "clientPort=2181",
                "admin.enableServer=false", "admin.serverAddress=127.0.0.1", "admin.serverPort=9999",
                "jvm.pause.monitor=false", "jvm.pause.sleep.time.ms=250", "jvm.pause.info-threshold.ms=700",
                "jvm.pause.warn-threshold.ms=5000"));

        Config config = ConfigLoader.load(getClass().getClassLoader(), Optional.of(cfg), new Properties());

        assertFalse(config.getBoolean("zk.admin.enabled"));
        assertEquals("127.0.0.1", config.getString("zk.admin.address"));
        assertEquals(9999, config.getInt("zk.admin.port"));
        assertFalse(config.getBoolean("zk.server.pause-monitor.enabled"));
        assertEquals(Duration.ofMillis(250), config.getDuration("zk.server.pause-monitor.sleep"));
        assertEquals(Duration.ofMillis(700), config.getDuration("zk.server.pause-monitor.info-threshold"));
        assertEquals(Duration.ofMillis(5000), config.getDuration("zk.server.pause-monitor.warn-threshold"));
    }

    @Test
    void translatesAnEnsembleAndReadsMyId() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("myid"), "2\n");
        Path cfg = Files.writeString(dir.resolve("zoo.cfg"), String.join("\n",
                "tickTime=2000", "dataDir=" + data, "clientPort=2181", "clientPortAddress=127.0.0.1",
                "server.1=127.0.0.1:2888:3888", "server.2=127.0.0.1:2889:3889:participant;2182",
                "server.3=[::1]:2890:3890:observer;127.0.0.1:2183"));

        Config config = ConfigLoader.load(getClass().getClassLoader(), Optional.of(cfg), new Properties());

        assertEquals(2, config.getLong("zk.server.id"));
        assertEquals(Map.of("id", 1L, "host", "127.0.0.1", "quorum-port", 2888, "election-port", 3888,
                "role", "participant"), config.getConfigList("zk.quorum.servers").get(0).root().unwrapped());
        Config third = config.getConfigList("zk.quorum.servers").get(2);
        assertEquals("::1", third.getString("host"));
        assertEquals("observer", third.getString("role"));
        assertEquals("127.0.0.1", third.getString("client-address"));
        assertEquals(2183, third.getInt("client-port"));
        assertEquals(2182, config.getConfigList("zk.quorum.servers").get(1).getInt("client-port"));
    }

    @Test
    void translatesHierarchicalGroupsWeightsAndListeningOnAllIps() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("myid"), "1\n");
        Path cfg = Files.writeString(dir.resolve("zoo.cfg"), String.join("\n",
                "dataDir=" + data, "clientPort=2181", "quorumListenOnAllIPs=true",
                "server.1=127.0.0.1:2888:3888", "server.2=127.0.0.1:2889:3889", "server.3=127.0.0.1:2890:3890",
                "group.1=1:2", "group.2=3", "weight.1=2", "weight.2=1", "weight.3=0"));

        Config config = ConfigLoader.load(getClass().getClassLoader(), Optional.of(cfg), new Properties());

        List<? extends Config> servers = config.getConfigList("zk.quorum.servers");
        assertEquals(List.of(1L, 1L, 2L), servers.stream().map(s -> s.getLong("group")).toList());
        assertEquals(List.of(2L, 1L, 0L), servers.stream().map(s -> s.getLong("weight")).toList());
        assertTrue(config.getBoolean("zk.quorum.listen-on-all-ips"));
        assertTrue(config.getBoolean("zk.election.listen-on-all-ips"));
    }

    @Test
    void aGroupNamingAnUnknownServerIsRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("myid"), "1\n");
        Path cfg = Files.writeString(dir.resolve("zoo.cfg"), String.join("\n", "dataDir=" + data,
                "server.1=127.0.0.1:2888:3888", "server.2=127.0.0.1:2889:3889", "group.1=1:2:7"));
        StartupException e = assertThrows(StartupException.class,
                () -> ConfigLoader.load(getClass().getClassLoader(), Optional.of(cfg), new Properties()));
        assertTrue(e.getMessage().endsWith("group or weight of servers without a server.N line: [7]"), e.getMessage());
    }

    @Test
    void aBadServerLineNamesTheKeyAndTheForm() throws Exception {
        Path cfg = Files.writeString(dir.resolve("zoo.cfg"), "dataDir=" + dir + "\nserver.1=host-without-ports\nserver.2=a:1:2\n");
        StartupException e = assertThrows(StartupException.class,
                () -> ConfigLoader.load(getClass().getClassLoader(), Optional.of(cfg), new Properties()));
        assertEquals("bad value for server.1 in zoo.cfg: 'host-without-ports'; allowed: "
                + "host:quorumPort:electionPort[:participant|observer][;[clientHost:]clientPort]", e.getMessage());
    }

    @Test
    void aNonNumericValueNamesTheZooCfgKey() throws Exception {
        Path cfg = Files.writeString(dir.resolve("zoo.cfg"), "tickTime=fast\n");
        StartupException e = assertThrows(StartupException.class,
                () -> ConfigLoader.load(getClass().getClassLoader(), Optional.of(cfg), new Properties()));
        assertEquals("bad value for tickTime in zoo.cfg: 'fast'; allowed: an integer", e.getMessage());
    }

    @Test
    void recognisesAZooCfgByItsKeysWhateverItsName() throws Exception {
        Path properties = Files.writeString(dir.resolve("server.properties"), "clientPort=2181\n");
        Path hocon = Files.writeString(dir.resolve("server.conf"), "zk.client.port = 2181\n");
        assertTrue(ZooCfgImporter.isZooCfg(properties));
        assertFalse(ZooCfgImporter.isZooCfg(hocon));
    }
}
