package org.zkplatform.dist.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/zk-tool} against a data dir the packaged server wrote: a server is started once,
 * given some nodes (with frequent snapshots) and stopped; each test then works on its own copy
 * of that data dir, damaged as the test needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZkToolIT {

    /** Nodes written at least; more if needed to get {@link #SNAPSHOTS} snapshots. */
    private static final int NODES = 60;
    private static final int MAX_NODES = 2000;
    /** Snapshots wanted: the purge test needs 5, plus the one written at first start. */
    private static final int SNAPSHOTS = 6;
    private static final Pattern ZXID = Pattern.compile("Zxid: 0x([0-9a-f]+)");

    private Path dir;
    private DistScripts dist;
    private Path written;
    private long finalZxid;
    /** Every node the test created, by the zxid that created it. */
    private final Map<Long, String> created = new TreeMap<>();
    private DistScripts.Result purgeWhileRunning;

    @BeforeAll
    void writeNodesWithAServerThenStopIt(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        dist = new DistScripts(DistScripts.builtDir(), Files.createDirectories(dir.resolve("work")));
        written = dir.resolve("written/data");
        int port = freePort();
        Path config = config(written, port);
        DistScripts.Result started = dist.server("start", config.toString());
        assertEquals(0, started.exitCode(), started.show());
        try {
            createNodes(port);
            finalZxid = serverZxid(port);
            purgeWhileRunning = dist.tool("purge", config.toString());
        } finally {
            DistScripts.Result stopped = dist.server("stop", config.toString());
            assertEquals(0, stopped.exitCode(), stopped.show());
        }
    }

    @Test
    void purgeIsRefusedWhileAServerUsesTheDataDir() {
        assertEquals(2, purgeWhileRunning.exitCode(), purgeWhileRunning.show());
        assertTrue(purgeWhileRunning.err().contains("cannot purge while a server runs: data dir " + written
                + " is in use by another process"), purgeWhileRunning.show());
        assertEquals("", purgeWhileRunning.out(), "nothing was deleted");
    }

    @Test
    void checkPassesTheStoppedServersDataDirReportsItsZxidAndChangesNothing() throws Exception {
        Path config = config(written, 2181);
        Map<Path, Integer> before = contents(written);

        DistScripts.Result check = dist.tool("check", config.toString());

        assertEquals(0, check.exitCode(), check.show());
        assertTrue(check.lines().contains("storage: file " + written), check.show());
        // The root and ZooKeeper's own 3 nodes, then ours.
        assertTrue(check.out().contains("database: zxid 0x" + Long.toHexString(finalZxid) + ", " + (created.size() + 4)
                + " nodes, 0 sessions"), check.show());
        assertEquals("result: ok; the server would start and serve everything", last(check), check.show());
        assertEquals(before, contents(written), "check changed the data dir");
    }

    @Test
    void dumpLogListsTheCreatesWithTheirPaths() throws Exception {
        Path oldest = logs(written).get(0);

        DistScripts.Result dump = dist.tool("dump-log", oldest.toString());

        assertEquals(0, dump.exitCode(), dump.show());
        assertTrue(dump.lines().get(0).contains(" createSession timeout="), dump.show());
        int creates = 0;
        for (String line : dump.lines()) {
            Long zxid = zxidOf(line);
            String path = zxid == null ? null : created.get(zxid);
            if (path != null) {
                String data = path.equals("/app") ? "4:\"root\"" : (path.length() - 5) + ":\"v" + path.substring("/app/n".length()) + "\"";
                assertTrue(line.contains(" create path=" + path + " data=" + data + " acl=[world:anyone:cdrwa]"), line);
                creates++;
            }
        }
        assertTrue(creates >= 2, dump.show());
        assertTrue(last(dump).startsWith("end of log after " + (dump.lines().size() - 1) + " txns at offset "), dump.show());
    }

    @Test
    void dumpSnapshotListsTheNodesPlainOrGzipped() throws Exception {
        Path newest = snapshots(written).get(snapshots(written).size() - 1);
        long snapshotZxid = Long.parseLong(newest.getFileName().toString().substring("snapshot.".length()), 16);

        DistScripts.Result dump = dist.tool("dump-snapshot", newest.toString());

        assertEquals(0, dump.exitCode(), dump.show());
        assertTrue(dump.lines().get(0).startsWith("path=/ czxid=0x0 "), dump.show());
        created.forEach((zxid, path) -> {
            if (zxid <= snapshotZxid) {
                assertTrue(dump.lines().stream().anyMatch(line -> line.startsWith("path=" + path + " czxid=0x"
                        + Long.toHexString(zxid) + " ")), path + " missing:\n" + dump.show());
            }
        });
        assertTrue(last(dump).startsWith("snapshot intact: "), dump.show());

        Path gz = Files.createDirectories(dir.resolve("gz")).resolve(newest.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(newest, out);
        }
        DistScripts.Result gunzipped = dist.tool("dump-snapshot", gz.toString());
        assertEquals(0, gunzipped.exitCode(), gunzipped.show());
        assertEquals(dump.out(), gunzipped.out());
    }

    @Test
    void aTornLogTailIsNamedAndLeftAlone() throws Exception {
        Path data = copy("torn");
        Path newest = logs(data).get(logs(data).size() - 1);
        cutInLastRecord(newest);
        byte[] torn = Files.readAllBytes(newest);

        DistScripts.Result check = dist.tool("check", config(data, 2181).toString());

        assertEquals(1, check.exitCode(), check.show());
        assertTrue(check.lines().stream().anyMatch(line -> line.startsWith("torn tail: " + newest + ": an entry of ")),
                check.show());
        assertEquals("result: damage found; the server would start, working around it", last(check), check.show());
        assertArrayEquals(torn, Files.readAllBytes(newest), "check changed the torn log");
    }

    @Test
    void aDamagedOnlySnapshotStopsTheServerAndCheckSaysSo() throws Exception {
        Path data = copy("only");
        List<Path> snapshots = snapshots(data);
        for (Path snapshot : snapshots.subList(1, snapshots.size())) {
            Files.delete(snapshot);
        }
        Path only = snapshots.get(0);
        flipByteInTheMiddle(only);
        Path config = config(data, freePort());

        DistScripts.Result check = dist.tool("check", config.toString());

        assertEquals(3, check.exitCode(), check.show());
        assertTrue(check.lines().stream().anyMatch(line -> line.startsWith("snapshot " + only.getFileName() + ": ")
                && line.contains(" bytes, damaged: ")), check.show());
        assertTrue(last(check).startsWith("result: the server could not start: none of the 1 snapshots in file " + data
                + " is usable"), check.show());
        DistScripts.Result server = dist.server("start-foreground", config.toString());
        assertEquals(3, server.exitCode(), "the server should refuse this data dir too:\n" + server.show());
    }

    @Test
    void aDamagedNewestSnapshotIsWorkedAroundFromAnOlderOne() throws Exception {
        Path data = copy("fallback");
        Path newest = snapshots(data).get(snapshots(data).size() - 1);
        flipByteInTheMiddle(newest);

        DistScripts.Result check = dist.tool("check", config(data, 2181).toString());

        assertEquals(1, check.exitCode(), check.show());
        assertTrue(check.lines().stream().anyMatch(line -> line.startsWith("snapshot " + newest.getFileName() + ": ")
                && line.contains(" bytes, damaged: ")), check.show());
        assertTrue(check.out().contains("database: zxid 0x" + Long.toHexString(finalZxid) + ", "), check.show());
    }

    @Test
    void purgeKeepsTheNewestSnapshotsAndTheLogsTheyNeed() throws Exception {
        Path data = copy("purge");
        List<Path> snapshots = snapshots(data);
        assertTrue(snapshots.size() >= 5, "expected at least 5 snapshots, got " + snapshots);
        for (Path extra : snapshots.subList(0, snapshots.size() - 5)) {
            Files.delete(extra);
        }
        snapshots = snapshots(data);
        long oldestKept = zxidOfName(snapshots.get(2));
        List<Path> logs = logs(data);
        int holding = 0;
        while (holding + 1 < logs.size() && zxidOfName(logs.get(holding + 1)) <= oldestKept) {
            holding++;
        }
        List<Path> expected = new ArrayList<>(snapshots.subList(0, 2));
        expected.addAll(logs.subList(0, holding));
        assertFalse(logs.subList(0, holding).isEmpty(), "no log to purge: " + logs);
        Path config = config(data, 2181);

        DistScripts.Result purge = dist.tool("purge", config.toString(), "--retain", "3");

        assertEquals(0, purge.exitCode(), purge.show());
        List<Path> deleted = purge.lines().stream().filter(line -> line.startsWith("deleted "))
                .map(line -> Path.of(line.substring("deleted ".length()))).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), deleted, purge.show());
        assertEquals(snapshots.subList(2, 5), snapshots(data));
        assertEquals(logs.subList(holding, logs.size()), logs(data));
        DistScripts.Result check = dist.tool("check", config.toString());
        assertEquals(0, check.exitCode(), check.show());
        assertTrue(check.out().contains("database: zxid 0x" + Long.toHexString(finalZxid) + ", "), check.show());
    }

    private void createNodes(int port) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper("127.0.0.1:" + port, 30_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            assertTrue(connected.await(30, TimeUnit.SECONDS), "no connection to the server");
            zk.create("/app", "root".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            created.put(zk.exists("/app", false).getCzxid(), "/app");
            // Snapshots are taken in the background, and skipped while one is under way: write until there are enough.
            for (int i = 0; i < NODES || (snapshots(written).size() < SNAPSHOTS && i < MAX_NODES); i++) {
                String path = "/app/n" + i;
                zk.create(path, ("v" + i).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                created.put(zk.exists(path, false).getCzxid(), path);
            }
        } finally {
            zk.close();
        }
    }

    /** The server's last zxid, from the srvr four-letter word. */
    private static long serverZxid(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                Matcher zxid = ZXID.matcher(reply);
                assertTrue(zxid.find(), reply);
                return Long.parseLong(zxid.group(1), 16);
            }
        }
    }

    private Path config(Path data, int port) throws IOException {
        Path file = data.resolveSibling("zk-" + port + ".conf");
        Files.createDirectories(data.getParent());
        return Files.writeString(file, "zk.client { address = \"127.0.0.1\", port = " + port + " }\n"
                + "zk.admin.enabled = false\n"
                + "zk.storage.data-dir = \"" + data + "\"\n"
                + "zk.snapshot.count = 10\n");
    }

    /** A copy of the data dir the server wrote, for one test to damage. */
    private Path copy(String name) throws IOException {
        Path target = dir.resolve(name).resolve("data");
        try (Stream<Path> files = Files.walk(written)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(written.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    private static List<Path> snapshots(Path data) throws IOException {
        return filesNamed(data, "snapshot.");
    }

    private static List<Path> logs(Path data) throws IOException {
        return filesNamed(data, "log.");
    }

    /** The files of version-2 whose names start with {@code prefix}, by the zxid in their names. */
    private static List<Path> filesNamed(Path data, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("version-2"))) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix))
                    .sorted(Comparator.comparingLong(ZkToolIT::zxidOfName)).toList();
        }
    }

    private static long zxidOfName(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(name.indexOf('.') + 1), 16);
    }

    private static Long zxidOf(String dumpLine) {
        return dumpLine.startsWith("zxid=0x") ? Long.parseLong(dumpLine.substring(7, dumpLine.indexOf(' ')), 16) : null;
    }

    private static String last(DistScripts.Result result) {
        return result.lines().get(result.lines().size() - 1);
    }

    /** Cuts a txn log in the middle of its last record: {@code long checksum, int length, bytes, 'B'} after a 16-byte header. */
    private static void cutInLastRecord(Path log) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(log));
        int last = -1;
        for (int at = 16; at + 12 <= bytes.limit() && bytes.getInt(at + 8) > 0; at += 12 + bytes.getInt(at + 8) + 1) {
            last = at;
        }
        assertTrue(last > 0, "no record in " + log);
        int cut = last + 12 + bytes.getInt(last + 8) / 2;
        Files.write(log, Arrays.copyOf(bytes.array(), cut));
    }

    private static void flipByteInTheMiddle(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
    }

    /** Every file under {@code root} with a hash of its bytes. */
    private static Map<Path, Integer> contents(Path root) throws IOException {
        Map<Path, Integer> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(file), Arrays.hashCode(Files.readAllBytes(file)));
            }
        }
        return contents;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
