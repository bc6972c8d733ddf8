package org.zkplatform.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Third-party plugins dropped into plugins/ are found, chosen by configuration alone, and used. */
class PluginIT {

    @TempDir
    Path dir;

    private Dist distWithPlugin(String jarName, String transportName) throws Exception {
        Path home = Dist.copyOf(Dist.builtDir(), dir.resolve("zkplatform"));
        TestPlugin.build(dir, home.resolve("plugins").resolve(jarName), transportName);
        return new Dist(home, Files.createDirectories(dir.resolve("logs")));
    }

    @Test
    void aPluginJarInPluginsServesTheClientPortWhenConfigurationChoosesIt() throws Exception {
        Dist dist = distWithPlugin("greeting-plugin.jar", "greeting");
        int port = Dist.freePort();
        Path config = Dist.config(dir, port, "zk.client.transport = greeting");

        Dist.Result started = dist.run(90, "start", config.toString());
        assertEquals(0, started.exitCode(), started.output());
        try (Socket socket = new Socket("127.0.0.1", port);
             BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("hello from the plugin", reader.readLine());
        } finally {
            assertEquals(0, dist.run(60, "stop", config.toString()).exitCode());
        }
        String logs = dist.logs();
        assertTrue(logs.contains("Loaded plugins from " + dist.home().resolve("plugins")), logs);
        assertTrue(logs.contains("Using transport provider 'greeting' from greeting-plugin.jar"), logs);
        assertTrue(logs.contains("serving clients on /127.0.0.1:" + port + " (greeting transport)"), logs);
    }

    @Test
    void twoProvidersWithOneNameFailNamingBothJars() throws Exception {
        Dist dist = distWithPlugin("impostor-plugin.jar", "plain");
        Path config = Dist.config(dir, Dist.freePort());

        Dist.Result result = dist.run(60, "start-foreground", config.toString());

        assertEquals(2, result.exitCode(), result.output());
        String error = result.errorLines().get(0);
        assertTrue(error.contains("two transport providers are named 'plain': "), error);
        assertTrue(error.contains("impostor-plugin.jar"), error);
        assertTrue(error.contains("zk-transport-plain-"), error);
    }

    @Test
    void anAlgorithmNoProviderOffersListsThoseAvailable() throws Exception {
        Dist dist = distWithPlugin("greeting-plugin.jar", "greeting");
        Path config = Dist.config(dir, Dist.freePort(), "zk.election.algorithm = 7", "zk.server.id = 1",
                "zk.quorum.servers = [{ id = 1, host = \"127.0.0.1\", quorum-port = "
                        + Dist.freePort() + ", election-port = " + Dist.freePort() + " }]");

        Dist.Result result = dist.run(60, "start-foreground", config.toString());

        assertEquals(2, result.exitCode(), result.output());
        String error = result.errorLines().get(0);
        assertTrue(error.contains("unknown election algorithm '7' (zk.election.algorithm); available: "), error);
        assertTrue(error.contains("42"), error);
    }
}
