package org.zkplatform.dist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.dist.ExitCode;
import org.zkplatform.dist.StartupException;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Config load(Optional<Path> file, Properties system) throws StartupException {
        return ConfigLoader.load(getClass().getClassLoader(), file, system);
    }

    @Test
    void withoutAFileTheDefaultsOfEveryModuleApply() throws Exception {
        Config config = load(Optional.empty(), new Properties());

        assertEquals(2181, config.getInt("zk.client.port"));
        assertEquals("plain", config.getString("zk.client.transport"));
        assertEquals(3, config.getInt("zk.election.algorithm"));
    }

    @Test
    void systemPropertiesOverrideTheFileWhichOverridesTheDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("zk.conf"), "zk.client { port = 3000, address = \"10.0.0.1\" }");
        Properties system = new Properties();
        system.setProperty("zk.client.port", "4000");
        system.setProperty("java.version", "ignored: only zk.* is read");

        Config config = load(Optional.of(file), system);

        assertEquals(4000, config.getInt("zk.client.port"));
        assertEquals("10.0.0.1", config.getString("zk.client.address"));
        assertEquals(60, config.getInt("zk.client.max-connections-per-ip"));
    }

    @Test
    void anUnknownKeyIsAnErrorNamingItAndWhereItCameFrom() throws Exception {
        Path file = Files.writeString(dir.resolve("zk.conf"), "zk.client.prot = 2181\n");

        StartupException e = assertThrows(StartupException.class, () -> load(Optional.of(file), new Properties()));

        assertEquals(ExitCode.INVALID_CONFIG, e.exitCode());
        assertTrue(e.getMessage().startsWith("unknown setting zk.client.prot ("), e.getMessage());
        assertTrue(e.getMessage().contains("zk.conf: 1"), e.getMessage());
    }

    @Test
    void theQuorumMayOverrideKeysOfItsTransportAndNothingElse() throws Exception {
        Path file = Files.writeString(dir.resolve("zk.conf"), """
                zk.quorum.tls { mode = unified, connect = plaintext, key-store.location = "/etc/zk/quorum.p12" }
                zk.quorum.plain.io-threads = 2
                """);
        Config config = load(Optional.of(file), new Properties());
        assertEquals("unified", config.getString("zk.quorum.tls.mode"));

        Path typo = Files.writeString(dir.resolve("typo.conf"), "zk.quorum.tls.mood = unified\n");
        StartupException e = assertThrows(StartupException.class, () -> load(Optional.of(typo), new Properties()));
        assertTrue(e.getMessage().startsWith("unknown setting zk.quorum.tls.mood ("), e.getMessage());
        Path noTransport = Files.writeString(dir.resolve("none.conf"), "zk.quorum.nosuch.mode = unified\n");
        e = assertThrows(StartupException.class, () -> load(Optional.of(noTransport), new Properties()));
        assertTrue(e.getMessage().startsWith("unknown setting zk.quorum.nosuch.mode ("), e.getMessage());
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("zk.conf"), "zk {\n  client { port = \n");

        StartupException e = assertThrows(StartupException.class, () -> load(Optional.of(file), new Properties()));

        assertTrue(e.getMessage().startsWith("invalid configuration: "), e.getMessage());
        assertTrue(e.getMessage().contains("zk.conf: 3"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.conf");
        StartupException e = assertThrows(StartupException.class, () -> load(Optional.of(missing), new Properties()));
        assertEquals("config file " + missing + " does not exist or is not a file", e.getMessage());
    }
}
