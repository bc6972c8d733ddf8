package org.zkplatform.dist.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: usage, bad arguments and the errors that need no data dir. */
class ZkToolTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ZkTool.run(args, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageWithTheExitCodes() {
        assertEquals(0, run("help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("usage: zk-tool <command> [arguments]"), usage);
        assertTrue(usage.contains("exit codes:"), usage);
    }

    @Test
    void aBadCommandLineExitsTwoWithTheUsage() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("dump-log"));
        assertEquals(2, run("check", "a.conf", "b.conf"));
        assertEquals(2, run("purge", "--retain"));
        assertEquals(2, run("purge", "--retain", "many"));
        assertTrue(err().contains("zk-tool: unknown command 'frobnicate'"), err());
        assertTrue(err().contains("usage: zk-tool"), err());
    }

    @Test
    void purgeRefusesToKeepFewerThanThreeSnapshots() {
        assertEquals(2, run("purge", "--retain", "2"));
        assertTrue(err().startsWith("zk-tool: --retain must be at least 3"), err());
    }

    @Test
    void aMissingConfigIsAConfigurationError() {
        assertEquals(2, run("check"));
        assertEquals("zk-tool: config file " + dir.resolve("conf/zk.conf") + " does not exist or is not a file",
                err().strip());
    }

    @Test
    void aMissingOrForeignFileCannotBeRead() throws Exception {
        assertEquals(3, run("dump-log", dir.resolve("log.1").toString()));
        assertTrue(err().contains("no such file or directory"), err());
        Path foreign = Files.writeString(dir.resolve("log.2"), "not a log, not at all");
        assertEquals(3, run("dump-log", foreign.toString()));
        assertTrue(err().contains("is not a ZooKeeper txn log"), err());
        assertEquals(3, run("dump-snapshot", dir.resolve("snapshot.1").toString()));
    }
}
