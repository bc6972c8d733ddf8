package org.zkplatform.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way the operator can get startup wrong ends the process with one clear line and an exit code. */
class StartupErrorsIT {

    @TempDir
    Path dir;

    private Dist.Result startForeground(String... configLines) throws Exception {
        Path config = Dist.config(dir, Dist.freePort(), configLines);
        return new Dist(Dist.builtDir(), Files.createDirectories(dir.resolve("logs"))).run(60, "start-foreground",
                config.toString());
    }

    private static void assertOneError(Dist.Result result, int exitCode, String message) {
        List<String> errors = result.errorLines();
        assertEquals(1, errors.size(), "expected one error line:\n" + result.output());
        assertTrue(errors.get(0).endsWith(" - " + message), "got: " + errors.get(0));
        assertEquals(exitCode, result.exitCode(), result.output());
        assertTrue(!result.output().contains("\tat "), "no stack trace expected:\n" + result.output());
    }

    @Test
    void electionAlgorithmOneIsNotSupported() throws Exception {
        assertOneError(startForeground("zk.election.algorithm = 1"), 2,
                "Election algorithm 1 is not supported (zk.election.algorithm); use 3, Fast Leader Election");
    }

    @Test
    void anUnknownTransportListsTheAvailableOnes() throws Exception {
        Dist.Result result = startForeground("zk.client.transport = quic");
        String error = result.errorLines().get(0);
        assertTrue(error.contains("unknown transport 'quic' (zk.client.transport); available: "), error);
        assertTrue(error.contains("plain"), error);
        assertEquals(2, result.exitCode());
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhatIsAllowed() throws Exception {
        assertOneError(startForeground("zk.server.tick-time = soon"), 2,
                "bad value for zk.server.tick-time: 'soon'; allowed: a duration such as 200ms or 3s");
    }

    @Test
    void aMisspelledKeyIsNotIgnored() throws Exception {
        Dist.Result result = startForeground("zk.client.max-conections-per-ip = 10");
        assertEquals(2, result.exitCode());
        assertTrue(result.errorLines().get(0).contains("unknown setting zk.client.max-conections-per-ip"),
                result.output());
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Path config = Dist.config(dir, port);
            Dist.Result result = new Dist(Dist.builtDir(), Files.createDirectories(dir.resolve("logs")))
                    .run(60, "start-foreground", config.toString());
            assertOneError(result, 4, "cannot open the client port: port " + port + " on 127.0.0.1 is already in use");
        }
    }

    /**
     * As ZooKeeper's quorum peers do: several servers started on one host from zoo.cfg files that
     * leave the admin port at 8080 must all serve.
     */
    @Test
    void anAdminPortInUseIsOneWarningAndTheServerServesWithoutIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int adminPort = taken.getLocalPort();
            int clientPort = Dist.freePort();
            Path config = Dist.config(dir, clientPort,
                    "zk.admin { enabled = true, address = \"127.0.0.1\", port = " + adminPort + " }");
            Dist dist = new Dist(Dist.builtDir(), Files.createDirectories(dir.resolve("logs")));
            dist.start(config);
            try {
                assertTrue(Dist.accepts(clientPort));
                List<String> warnings = dist.logs().lines().filter(line -> line.contains(" WARN ")).toList();
                assertEquals(1, warnings.size(), String.join("\n", warnings));
                assertTrue(warnings.get(0).endsWith("Admin endpoint not started: port " + adminPort
                        + " on 127.0.0.1 is already in use (choose another with zk.admin.port, or turn the endpoint off "
                        + "with zk.admin.enabled = false)"), warnings.get(0));
            } finally {
                dist.stop(config);
            }
        }
    }

    @Test
    void aMissingConfigFileIsNamed() throws Exception {
        Dist.Result result = new Dist(Dist.builtDir(), Files.createDirectories(dir.resolve("logs")))
                .run(30, "start", dir.resolve("absent.conf").toString());
        assertEquals(2, result.exitCode());
        assertEquals("zk-server: config file " + dir.resolve("absent.conf") + " does not exist", result.output().strip());
    }
}
