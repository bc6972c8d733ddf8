package org.zkplatform.dist.durability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.zkplatform.dist.it.Dist;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server, as a separate process with fsync on, keeps every acknowledged write
 * through {@code kill -9} at random moments, repeatedly on one data dir, and recovers from a
 * damaged newest snapshot and from a torn txn log tail. A failure names the seed and round;
 * {@code -Dcrash.seed=<seed>} replays the same kill moments (the writers' interleaving differs).
 */
class CrashSafetyIT {

    /** Kill-and-recover rounds; {@code -Dcrash.rounds=<n>} runs more, for a longer soak. */
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 5);
    private static final long EXIT_SECONDS = 15;
    private static final int CREATE_WINDOW = 16;

    @TempDir
    Path dir;

    private Dist script;
    private Path data;
    private Path config;
    private int port;
    private long pid = -1;

    @BeforeEach
    void setUp() throws Exception {
        script = new Dist(Dist.builtDir(), Files.createDirectories(dir.resolve("logs")));
        data = dir.resolve("data");
        port = freePort();
    }

    /** Stops whatever this test started: through the pid file (a start that never reported), then by pid. */
    @AfterEach
    void killServer() throws Exception {
        if (config != null) {
            script.run(60, "stop", config.toString());
        }
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroyForcibly();
                process.onExit().orTimeout(EXIT_SECONDS, TimeUnit.SECONDS).join();
            });
        }
    }

    @Test
    void acknowledgedWritesSurviveKillNineAtRandomMoments() throws Exception {
        long seed = Long.getLong("crash.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        String replay = "seed " + seed + " (-Dcrash.seed=" + seed + ")";
        writeConfig("zk.snapshot.count = 500");
        pid = script.start(config);
        AckLedger ledger = new AckLedger();
        CrashWriter.setUp(port, ledger);
        long zxid = FourLetterWord.zxid(FourLetterWord.srvr(port));

        for (int round = 1; round <= ROUNDS; round++) {
            String where = replay + ", round " + round;
            long delayMillis = 100 + random.nextInt(1901);
            CrashWriter writer = new CrashWriter(port, ledger, round, random.nextLong());
            writer.start();
            try {
                Thread.sleep(delayMillis);
                killNine(where);
            } finally {
                writer.stop();
            }
            assertEquals(List.of(), writer.failures(), where + ": writer failures before the kill");
            int logMark = script.logs().length();
            pid = script.start(config);
            zxid = checkRecovered(ledger, zxid, where + " (killed after " + delayMillis + " ms)");
            DataDirFiles files = DataDirFiles.of(data);
            System.out.printf("%s: killed after %d ms; %s; srvr zxid 0x%x; %d snapshots, %d logs; recovery warnings: %s%n",
                    where, delayMillis, ledger.summary(), zxid, files.snapshots().size(), files.logs().size(),
                    warnings(script.logs().substring(logMark)));
        }

        script.stop(config);
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "zk-server stop left the process");
        pid = script.start(config);
        checkRecovered(ledger, zxid, replay + ", after a clean stop");
        script.stop(config);
    }

    @Test
    void aDamagedNewestSnapshotFallsBackToTheOlderOne() throws Exception {
        writeConfig("zk.snapshot.count = 100");
        pid = script.start(config);
        List<String> written = createNodes("/snap", 400);
        script.stop(config);
        DataDirFiles files = DataDirFiles.of(data);
        assertTrue(files.snapshots().size() >= 3, "expected snapshot.0 and two more: " + files);
        Path damaged = files.newestSnapshot();
        FileDamage.flipByte(damaged, Files.size(damaged) / 2);

        int logMark = script.logs().length();
        pid = script.start(config);
        String log = script.logs().substring(logMark);
        String name = damaged.getFileName().toString();
        assertTrue(log.lines().anyMatch(line -> line.contains(" WARN ") && line.contains("Snapshot " + name + " is unusable")),
                "no WARN about the damaged " + name + ":\n" + log);
        String loaded = log.replaceAll("(?s).*Loaded snapshot (\\S+).*", "$1");
        assertTrue(loaded.startsWith("snapshot."), "no snapshot was loaded:\n" + log);
        assertNotEquals(name, loaded);
        System.out.println("damaged " + name + ", loaded " + loaded + "; " + warnings(log));
        assertAllThere(written, "after falling back from " + name + " to " + loaded);
        script.stop(config);
    }

    @Test
    void aTornLogTailIsCutAndTheRestServed() throws Exception {
        writeConfig();
        pid = script.start(config);
        ZooKeeper zk = Clients.connect(port);
        List<String> written;
        try {
            written = createNodes(zk, "/torn", 50);
            // Stopped with the session open, so the last txn in the log is the last create, not a closeSession.
            script.stop(config);
        } finally {
            Clients.closeQuietly(zk);
        }
        Path log = DataDirFiles.of(data).newestLog();
        long endOfRecord = FileDamage.lastNonZeroByte(log);
        assertTrue(endOfRecord > 16, log + " holds no txn");
        FileDamage.truncate(log, endOfRecord - 3);

        int logMark = script.logs().length();
        pid = script.start(config);
        List<String> warnings = warnings(script.logs().substring(logMark));
        assertEquals(1, warnings.size(), "expected one WARN about the cut, got " + warnings);
        assertTrue(warnings.get(0).contains(log.getFileName().toString()) && warnings.get(0).contains("torn"),
                warnings.get(0));
        System.out.println("cut " + log.getFileName() + " to " + (endOfRecord - 3) + " bytes; " + warnings);
        String cut = written.remove(written.size() - 1);
        assertAllThere(written, "after the torn tail was cut");
        try (Reader reader = new Reader(port)) {
            assertNull(reader.zk.exists(cut, false), cut + " was in the torn record, yet it is there");
            reader.zk.create("/torn/after-the-cut", CrashWriter.bytes("/torn/after-the-cut"), Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
        }
        written.add("/torn/after-the-cut");

        script.stop(config);
        pid = script.start(config);
        assertAllThere(written, "after writing past the cut and restarting");
        script.stop(config);
    }

    /** Kills the server with SIGKILL and waits until it is gone. */
    private void killNine(String where) throws Exception {
        ProcessHandle server = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError(where + ": the server died before it was killed"));
        assertTrue(server.isAlive(), where + ": the server died before it was killed");
        server.destroyForcibly();
        server.onExit().get(EXIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The restarted server answers srvr, its zxid did not go back, and the ledger's writes are all there. */
    private long checkRecovered(AckLedger ledger, long previousZxid, String where) throws Exception {
        String srvr = FourLetterWord.srvr(port);
        assertTrue(srvr.contains("Mode: standalone"), where + ": srvr answered\n" + srvr);
        long zxid = FourLetterWord.zxid(srvr);
        assertTrue(zxid >= previousZxid && zxid >= ledger.highestAckedZxid(), String.format(
                "%s: zxid went back to 0x%x (before: 0x%x, highest acknowledged: 0x%x)", where, zxid, previousZxid,
                ledger.highestAckedZxid()));
        try (Reader reader = new Reader(port)) {
            List<String> problems = LedgerCheck.problems(reader.zk, ledger);
            assertEquals(List.of(), problems, where + ": " + ledger.summary());
        }
        return zxid;
    }

    private List<String> createNodes(String parent, int count) throws Exception {
        try (Reader writer = new Reader(port)) {
            return createNodes(writer.zk, parent, count);
        }
    }

    /**
     * Creates {@code parent} and {@code count} children holding their own paths, a window of them
     * in flight at a time (one session, so they are applied and logged in order), each acknowledged.
     */
    private static List<String> createNodes(ZooKeeper zk, String parent, int count) throws Exception {
        zk.create(parent, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        List<String> paths = new ArrayList<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Semaphore window = new Semaphore(CREATE_WINDOW);
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            String path = parent + "/n" + i;
            assertTrue(window.tryAcquire(Clients.REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS), "no answer to a create");
            zk.create(path, CrashWriter.bytes(path), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, (rc, p, ctx, name) -> {
                if (rc != KeeperException.Code.OK.intValue()) {
                    failures.add(p + ": " + KeeperException.Code.get(rc));
                }
                window.release();
                done.countDown();
            }, null);
            paths.add(path);
        }
        assertTrue(done.await(Clients.REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS), "creates left unanswered");
        assertEquals(List.of(), failures);
        return paths;
    }

    private void assertAllThere(List<String> paths, String when) throws Exception {
        try (Reader reader = new Reader(port)) {
            List<String> missing = new ArrayList<>();
            for (String path : paths) {
                byte[] bytes = reader.zk.exists(path, false) == null ? null : reader.zk.getData(path, false, null);
                if (bytes == null) {
                    missing.add(path);
                } else {
                    assertArrayEquals(CrashWriter.bytes(path), bytes, path + " " + when);
                }
            }
            assertEquals(List.of(), missing, "missing " + when);
        }
    }

    private static List<String> warnings(String log) {
        return log.lines().filter(line -> line.contains(" WARN ")).toList();
    }

    /** The server's config: 127.0.0.1 on the test's port, data under the test's dir, fsync on (the default). */
    private void writeConfig(String... extra) throws Exception {
        String text = "zk.client { address = \"127.0.0.1\", port = " + port + " }\n"
                + "zk.admin.enabled = false\n"
                + "zk.storage.data-dir = \"" + data + "\"\n"
                + String.join("\n", extra) + "\n";
        config = Files.writeString(dir.resolve("zk.conf"), text);
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A client closed after use, with a bounded close. */
    private static final class Reader implements AutoCloseable {
        final ZooKeeper zk;

        Reader(int port) {
            zk = Clients.connect(port);
        }

        @Override
        public void close() {
            Clients.closeQuietly(zk);
        }
    }
}
