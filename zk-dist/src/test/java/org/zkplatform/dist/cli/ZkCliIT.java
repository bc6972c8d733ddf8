package org.zkplatform.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.dist.it.Dist;

/**
 * {@code bin/zk-cli} from the built distribution against a server started with
 * {@code bin/zk-server}: one-shot commands and their exit codes, a script on stdin that goes on
 * after errors, a session in a pseudo-terminal, and outputs compared with Apache's zkCli on the
 * same server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZkCliIT {

    private static final Pattern ZXID_LINE = Pattern.compile("^([cmp]Zxid = 0x)[0-9a-f]+$|(?<=zxid: )\\d+$");
    private static final Pattern STAT_TIME = Pattern.compile("[cm]time = \\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ \\d{4}");

    private Path dir;
    private Dist dist;
    private Path config;
    private CliProcess cli;
    private String server;

    @BeforeAll
    void startAServer(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        Path logs = Files.createDirectories(dir.resolve("logs"));
        dist = new Dist(Dist.builtDir(), logs);
        int port = Dist.freePort();
        server = "127.0.0.1:" + port;
        config = Files.writeString(dir.resolve("zk.conf"), String.join("\n",
                "zk.client { address = \"127.0.0.1\", port = " + port + ", four-letter-words = [\"srvr\", \"ruok\"] }",
                "zk.storage.data-dir = \"" + dir.resolve("data") + "\"", ""));
        dist.start(config);
        cli = new CliProcess(Dist.builtDir(), Files.createDirectories(dir.resolve("cli")));
    }

    @AfterAll
    void stopTheServer() throws Exception {
        if (config != null) {
            dist.stop(config);
        }
    }

    @Test
    void oneShotCommandsPrintTheirResultAndExitZero() throws Exception {
        CliProcess.Result created = cli.zkCli("", "-server", server, "create", "/one", "hello world");
        assertEquals(0, created.exitCode(), created.show());
        assertEquals(List.of("Created /one"), created.lines());
        assertEquals("", created.err());

        CliProcess.Result got = cli.zkCli("", "-server", server, "get", "/one");
        assertEquals(0, got.exitCode(), got.show());
        assertEquals(List.of("hello world"), got.lines());

        CliProcess.Result sequential = cli.zkCli("", "-server", server, "create", "-s", "/one/n-", "x");
        assertEquals(List.of("Created /one/n-0000000000"), sequential.lines(), sequential.show());

        CliProcess.Result ls = cli.zkCli("", "-server", server, "ls", "/one");
        assertEquals(List.of("[n-0000000000]"), ls.lines(), ls.show());
    }

    @Test
    void oneShotFailuresAreOneLineOnStderrWithTheirExitCode() throws Exception {
        cli.zkCli("", "-server", server, "create", "/taken", "x");
        int closed = closedPort();

        assertFailure(1, "Node does not exist: /nope", cli.zkCli("", "-server", server, "get", "/nope"));
        assertFailure(1, "Node already exists: /taken", cli.zkCli("", "-server", server, "create", "/taken"));
        assertFailure(1, "version No is not valid : /taken", cli.zkCli("", "-server", server, "set", "-v", "7", "/taken", "y"));
        assertFailure(3, "Cannot connect to 127.0.0.1:" + closed + ": Connection refused",
                cli.zkCli("", "-server", "127.0.0.1:" + closed, "ls", "/"));
        assertFailure(2, "missing arguments; usage: ls [-s] [-w] [-R] path", cli.zkCli("", "-server", server, "ls"));
        assertFailure(2, "Unknown command: lsx; type help for the list", cli.zkCli("", "-server", server, "lsx", "/"));
        assertFailure(2, "zk-cli: unknown option -bogus; zk-cli -help shows the usage", cli.zkCli("", "-bogus"));
    }

    @Test
    void aServerListIsTriedInOrderUntilOneAnswers() throws Exception {
        CliProcess.Result ls = cli.zkCli("", "-server", "127.0.0.1:" + closedPort() + "," + server, "ls", "/zookeeper");

        assertEquals(0, ls.exitCode(), ls.show());
        assertEquals(List.of("[config, quota]"), ls.lines());
    }

    @Test
    void fourLetterWordsAreAskedOfTheServer() throws Exception {
        CliProcess.Result srvr = cli.zkCli("", "-server", server, "srvr");
        assertEquals(0, srvr.exitCode(), srvr.show());
        assertTrue(srvr.lines().contains("Mode: standalone"), srvr.show());

        CliProcess.Result ruok = cli.zkCli("", "-server", server, "ruok");
        assertEquals(List.of("imok"), ruok.lines(), ruok.show());
    }

    @Test
    void aScriptOnStdinRunsEveryLineAndGoesOnAfterErrors() throws Exception {
        String alice = digest("alice:secret");
        String bob = digest("bob:other");
        String script = String.join("\n",
                "# a comment and a blank line do nothing",
                "",
                "create /app one",
                "create /app/cfg v1",
                // The second child: its sequence number is the parent's cversion, 1.
                "create -s /app/q- x",
                "create -e /app/eph",
                "ls",
                "get /app/cfg",
                "set -v 0 /app/cfg v2",
                "set -v 0 /app/cfg v3",
                "get -s /app/cfg",
                "ls /app",
                "ls -R /app",
                "stat /app/missing",
                "create /app one",
                "get -w /app",
                "set /app two",
                "addauth digest alice:secret",
                "setAcl /app/cfg digest:" + alice + ":cdrwa",
                "getAcl /app/cfg",
                "whoami",
                "get /app/cfg",
                "create /app/locked x digest:" + bob + ":cdrwa",
                "get /app/locked",
                "delete -v 5 /app/eph",
                "delete /app/eph",
                "delete /app/locked",
                "deleteall /app",
                "ls /zookeeper",
                "quit",
                "create /after-quit",
                "");

        CliProcess.Result run = cli.zkCli(script, "-server", server);

        assertEquals(1, run.exitCode(), "the last failure was a refusal\n" + run.show());
        // Other tests share the server, so zxids are only checked for their form.
        List<String> out = withoutStatTimes(run.lines()).stream().map(ZkCliIT::anyZxid).toList();
        List<String> expected = new ArrayList<>(List.of(
                "Created /app",
                "Created /app/cfg",
                "Created /app/q-0000000001",
                "Created /app/eph",
                "v1",
                "v2"));
        expected.addAll(stat(0, 1, 0, "0x0", 2, 0));
        expected.addAll(List.of(
                "[cfg, eph, q-0000000001]",
                "/app",
                "/app/cfg",
                "/app/eph",
                "/app/q-0000000001",
                "one",
                "",
                "WATCHER::",
                "",
                "WatchedEvent state:SyncConnected type:NodeDataChanged path:/app zxid: N",
                "'digest,'" + alice,
                ": cdrwa",
                "Auth scheme: User",
                // In the server's order, which is Apache ZooKeeper's hash order of the ids.
                "digest: alice",
                "ip: 127.0.0.1",
                "v2",
                "Created /app/locked",
                "[config, quota]"));
        assertEquals(expected, out, run.show());
        assertEquals(List.of(
                "missing arguments; usage: ls [-s] [-w] [-R] path",
                "version No is not valid : /app/cfg",
                "Node does not exist: /app/missing",
                "Node already exists: /app",
                "Insufficient permission : /app/locked",
                "version No is not valid : /app/eph"), run.errorLines(), run.show());
    }

    @Test
    void readsAsApacheZkCliReadsTheSameServer() throws Exception {
        cli.zkCli(String.join("\n", "create /same data", "create /same/a", "create /same/b 2", "create /same/a/x 3",
                "setAcl /same/b world:anyone:rw,ip:127.0.0.1:cdrwa", ""), "-server", server);

        for (List<String> command : List.of(List.of("ls", "-R", "/same"), List.of("ls", "-s", "/same"),
                List.of("get", "-s", "/same"), List.of("stat", "/same/a"), List.of("getAcl", "/same/b"),
                List.of("get", "/same/a"), List.of("whoami"))) {
            List<String> args = new ArrayList<>(List.of("-server", server));
            args.addAll(command);
            CliProcess.Result ours = cli.zkCli("", args.toArray(String[]::new));
            CliProcess.Result apache = cli.apacheZkCli("", args.toArray(String[]::new));

            assertEquals(0, ours.exitCode(), ours.show());
            assertEquals(withoutZkCliPreamble(apache.lines()), ours.lines(), command + "\nzkCli:\n" + apache.show());
        }
        for (List<String> command : List.of(List.of("get", "/nothing"), List.of("set", "-v", "9", "/same", "x"),
                List.of("create", "/same"), List.of("delete", "/same"), List.of("ls", "nopath"))) {
            List<String> args = new ArrayList<>(List.of("-server", server));
            args.addAll(command);
            CliProcess.Result ours = cli.zkCli("", args.toArray(String[]::new));
            CliProcess.Result apache = cli.apacheZkCli("", args.toArray(String[]::new));

            assertEquals(apache.errorLines(), ours.errorLines(), command + "\nzkCli:\n" + apache.show());
            assertTrue(ours.exitCode() != 0, ours.show());
        }
    }

    @Test
    void anInteractiveSessionEditsLinesInATerminalAndKeepsHistory() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is needed to run a terminal");
        Path history = dir.resolve("cli-history");
        String command = "'" + Dist.builtDir().resolve("bin/zk-cli") + "' -server " + server;
        try (PseudoTerminal terminal = new PseudoTerminal(command, Map.of("ZK_CLI_HISTORY", history.toString()))) {
            int at = terminal.await("WatchedEvent state:SyncConnected type:None path:null zxid: -1", 0, 60);
            at = terminal.await("[zk: " + server + "(CONNECTED) 0] ", at, 30);

            terminal.type("create /tty hello\r");
            at = terminal.await("Created /tty", at, 30);
            at = terminal.await("[zk: " + server + "(CONNECTED) 1] ", at, 30);
            // Line editing: type a typo, erase it with backspaces, finish the line.
            terminal.type("get /ttyXX\u007f\u007f\r");
            at = terminal.await("hello", at, 30);
            at = terminal.await("(CONNECTED) 2] ", at, 30);
            // Tab completes a command name.
            terminal.type("whoa\t\r");
            at = terminal.await("Auth scheme: User", at, 30);
            terminal.type("get /missing\r");
            at = terminal.await("Node does not exist: /missing", at, 30);
            terminal.type("quit\r");

            assertEquals(0, terminal.awaitExit(30), terminal.screen());
            assertFalse(terminal.screen().contains("Exception"), terminal.screen());
        }
        assertTrue(Files.readString(history).contains("create /tty hello"), "history file: " + Files.readString(history));
    }

    // ------------------------------------------------------------------ helpers

    private static void assertFailure(int exitCode, String line, CliProcess.Result run) {
        assertEquals(exitCode, run.exitCode(), run.show());
        assertEquals(line + "\n", run.err(), run.show());
        assertEquals("", run.out(), run.show());
    }

    /** zkCli's Stat lines, times left out (see {@link #withoutStatTimes}) and zxids as {@link #anyZxid} writes them. */
    private static List<String> stat(int cversion, int version, int aversion, String owner, int dataLength, int children) {
        return List.of("cZxid = 0xN", "mZxid = 0xN", "pZxid = 0xN", "cversion = " + cversion,
                "dataVersion = " + version, "aclVersion = " + aversion, "ephemeralOwner = " + owner,
                "dataLength = " + dataLength, "numChildren = " + children);
    }

    /** A zxid in a Stat line or a watch event, replaced by N once checked for its form. */
    private static String anyZxid(String line) {
        return ZXID_LINE.matcher(line).replaceFirst("$1N");
    }

    /** Checks that ctime and mtime lines are dates as zkCli prints them, and leaves them out. */
    private static List<String> withoutStatTimes(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("ctime = ") || line.startsWith("mtime = ")) {
                assertTrue(STAT_TIME.matcher(line).matches(), line);
            } else {
                kept.add(line);
            }
        }
        return kept;
    }

    /** zkCli's output less what it prints on connecting, which ours prints only in a terminal. */
    private static List<String> withoutZkCliPreamble(List<String> lines) {
        List<String> kept = new ArrayList<>(lines);
        kept.removeIf(line -> line.startsWith("Connecting to "));
        int watcher = kept.indexOf("WatchedEvent state:SyncConnected type:None path:null zxid: -1");
        if (watcher >= 3 && kept.get(watcher - 2).equals("WATCHER::")) {
            kept.subList(watcher - 3, watcher + 1).clear();
        }
        return kept;
    }

    private static String digest(String userPassword) throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(userPassword.getBytes(StandardCharsets.UTF_8));
        return userPassword.substring(0, userPassword.indexOf(':')) + ":" + Base64.getEncoder().encodeToString(sha1);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
