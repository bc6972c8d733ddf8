package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.ZooKeeperMain;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.io.TempDir;

/**
 * zkCli ({@link ZooKeeperMain}) with one command per invocation. It runs in its own JVM: its main
 * method ends with System.exit, and its commands capture System.out when the class loads.
 */
class ZkCliTest extends CompatTestBase {

    private static final long CLI_TIMEOUT_SECONDS = 60;

    private record CliRun(int exitCode, List<String> stdout, String stderr) {
    }

    @TempDir
    Path cliDir;

    @CompatTest
    void createMakesTheNode(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        CliRun run = zkCli(server, "create", "/cli", "hello");

        assertSucceeded(run);
        assertTrue(run.stderr().contains("Created /cli"), () -> "stderr: " + run.stderr()); // zkCli reports it on stderr
        assertArrayEquals(utf8("hello"), zk.getData("/cli", false, null));
    }

    @CompatTest
    void lsListsTheChildren(ServerFixture server) throws Exception {
        server.client().create("/cli", null, OPEN, CreateMode.PERSISTENT);

        CliRun run = zkCli(server, "ls", "/");

        assertSucceeded(run);
        assertTrue(run.stdout().contains("[cli, zookeeper]"), () -> "stdout: " + run.stdout());
    }

    @CompatTest
    void getPrintsTheData(ServerFixture server) throws Exception {
        server.client().create("/cli", utf8("hello"), OPEN, CreateMode.PERSISTENT);

        CliRun run = zkCli(server, "get", "/cli");

        assertSucceeded(run);
        assertTrue(run.stdout().contains("hello"), () -> "stdout: " + run.stdout());
    }

    @CompatTest
    void setReplacesTheData(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/cli", utf8("hello"), OPEN, CreateMode.PERSISTENT);

        assertSucceeded(zkCli(server, "set", "/cli", "world"));

        Stat stat = new Stat();
        assertArrayEquals(utf8("world"), zk.getData("/cli", false, stat));
        assertEquals(1, stat.getVersion());
    }

    @CompatTest
    void deleteRemovesTheNode(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/cli", null, OPEN, CreateMode.PERSISTENT);

        assertSucceeded(zkCli(server, "delete", "/cli"));

        assertNull(zk.exists("/cli", false));
    }

    private CliRun zkCli(ServerFixture server, String... command) throws Exception {
        Path logging = Files.writeString(cliDir.resolve("logback.xml"), "<configuration><root level=\"OFF\"/></configuration>");
        Path stdout = cliDir.resolve("stdout.txt");
        Path stderr = cliDir.resolve("stderr.txt");
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + logging,
                "-cp", System.getProperty("java.class.path"),
                ZooKeeperMain.class.getName(),
                "-server", server.connectString()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!process.waitFor(CLI_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("zkCli " + String.join(" ", command) + " did not finish within " + CLI_TIMEOUT_SECONDS + " s");
            }
        } finally {
            process.destroyForcibly();
        }
        return new CliRun(process.exitValue(), Files.readAllLines(stdout), Files.readString(stderr));
    }

    private static void assertSucceeded(CliRun run) {
        assertEquals(0, run.exitCode(), () -> "zkCli failed; stdout: " + run.stdout() + " stderr: " + run.stderr());
    }
}
