package org.zkplatform.dist.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.KeeperException;

/**
 * The footprint scenario on one server: start on empty data, create the znodes, measure the heap
 * they take and, after a clean stop, the disk; then restart twice on a copy of that data dir and
 * time each until it serves. Copies, because Apache writes a snapshot at every start, so a second
 * restart on the same dir would replay nothing where the first replayed the log tail.
 */
final class FootprintRun {

    private static final int RESTARTS = 2;
    /** Wait at most this long for a snapshot under way to finish before reading the heap. */
    private static final long SETTLE_LIMIT_SECONDS = 60;
    private static final long SETTLE_POLL_MILLIS = 500;
    private static final long READ_LIMIT_SECONDS = 30;
    private static final int PROBLEM_LINES = 20;

    private final BenchOptions options;
    private final PrintStream out;
    private final ZnodeFill fill;
    private final byte[] value;

    FootprintRun(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.value = new byte[options.valueBytes()];
        new Random(42).nextBytes(value);
        this.fill = new ZnodeFill(options.znodes(), value);
    }

    FootprintResult run(ServerKind kind) throws BenchException, InterruptedException {
        out.printf(Locale.ROOT, "%n== %s ==%n", kind.label());
        try (ServerProcess server = ServerProcess.start(kind, options)) {
            out.printf(Locale.ROOT, "pid %d on 127.0.0.1:%d, output in %s%n", server.pid(), server.port(), server.output());
            out.println("zoo.cfg: " + String.join(" ", server.zooCfg()));
            StorageFacts storage = StorageFacts.of(server);
            out.println(storage.describe());
            long heapAtStart;
            long heapFilled;
            FillResult filled;
            try {
                heapAtStart = ServerHeap.usedAfterFullGc(server.pid());
                try (Sessions sessions = Sessions.open(server.port(), options.sessions())) {
                    filled = fill.run(sessions, options.outstanding(), server);
                }
                printFill(kind, filled);
                awaitSettled(server.dataDir());
                heapFilled = ServerHeap.usedAfterFullGc(server.pid());
            } catch (BenchException e) {
                throw server.failure(e.getMessage());
            }
            out.printf(Locale.ROOT, "heap in use after full GCs: %.1f MB at start, %.1f MB after the creates%n",
                    heapAtStart / 1e6, heapFilled / 1e6);
            long stopStart = System.nanoTime();
            boolean clean = server.stop();
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStart);
            out.printf(Locale.ROOT, "stop: %s after %d ms, exit code %d%n", clean ? "exited on SIGTERM" : "SIGKILLED",
                    stopMillis, server.exitCode());
            List<String> problems = new ArrayList<>(server.problemLines(PROBLEM_LINES));
            DataDirUsage disk = DataDirUsage.of(server.dataDir());
            out.printf(Locale.ROOT, "data dir: newest snapshot %d bytes with %d nodes; %d snapshots %d bytes (%d allocated);"
                            + " %d logs %d bytes long (%d allocated); other files %d bytes%n", disk.newestSnapshotBytes(),
                    disk.newestSnapshotNodes(), disk.snapshots(), disk.snapshotBytes(), disk.snapshotAllocated(),
                    disk.logs(), disk.logBytes(), disk.logAllocated(), disk.otherBytes());
            List<RestartResult> restarts = new ArrayList<>();
            for (int attempt = 1; attempt <= RESTARTS; attempt++) {
                restarts.add(restart(kind, server.dataDir(), attempt, problems));
            }
            return new FootprintResult(kind, storage, filled, heapAtStart, heapFilled, clean, disk, restarts, problems);
        }
    }

    private void printFill(ServerKind kind, FillResult filled) {
        out.printf(Locale.ROOT, "created %d znodes of %d bytes under %d parents in %.1f s: %.0f/s, server cpu %.1f us/create,"
                        + " errors %s, disconnects %d, other cpu %s%n", filled.created(), value.length, fill.parents(),
                filled.seconds(), filled.createsPerSecond(), filled.serverCpuMicrosPerCreate(), filled.errors(),
                filled.connectionLosses(), filled.otherCpuShare() < 0 ? "n/a"
                        : String.format(Locale.ROOT, "%.0f%%", 100 * filled.otherCpuShare()));
        if (filled.otherCpuShare() > WorkloadResult.BUSY_MACHINE) {
            out.printf(Locale.ROOT, "  ! %s creates: other processes used %.0f%% of the machine's CPU meanwhile;"
                    + " rerun on a quiet machine%n", kind.label(), 100 * filled.otherCpuShare());
        }
    }

    /** Waits until the data dir has not changed size for a poll interval, so no snapshot is under way. */
    private static void awaitSettled(Path dataDir) throws InterruptedException, BenchException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_LIMIT_SECONDS);
        try {
            long last = -1;
            long now = DataDirs.apparentBytes(dataDir);
            while (now != last && System.nanoTime() - deadline < 0) {
                Thread.sleep(SETTLE_POLL_MILLIS);
                last = now;
                now = DataDirs.apparentBytes(dataDir);
            }
        } catch (IOException e) {
            throw new BenchException("cannot measure " + dataDir + ": " + e);
        }
    }

    /** Starts {@code kind} on a copy of {@code data}, times it until the last znode reads back, then stops it. */
    private RestartResult restart(ServerKind kind, Path data, int attempt, List<String> problems)
            throws BenchException, InterruptedException {
        Path copy = data.resolveSibling("restart-data");
        try {
            DataDirs.copy(data, copy);
        } catch (IOException e) {
            throw new BenchException("cannot copy " + data + " to " + copy + ": " + e);
        }
        try (ServerProcess server = ServerProcess.startOn(kind, options, copy, "restart-" + attempt)) {
            long servingMillis;
            try {
                servingMillis = readBack(server, fill.path(options.znodes() - 1));
            } catch (BenchException e) {
                throw server.failure("restart " + attempt + ": " + e.getMessage());
            }
            RestartResult result = new RestartResult(server.readyMillis(), servingMillis, RecoveryLog.of(server));
            problems.addAll(server.problemLines(PROBLEM_LINES));
            out.printf(Locale.ROOT, "restart %d: serving after %d ms (ruok/srvr after %d ms); %s; output in %s%n", attempt,
                    result.servingMillis(), result.readyMillis(), result.recovery().describe(), server.output());
            return result;
        }
    }

    /** Reads {@code path} in a new session; returns the milliseconds since the server started when it arrived. */
    private long readBack(ServerProcess server, String path) throws BenchException, InterruptedException {
        try (Sessions session = Sessions.open(server.port(), 1)) {
            CompletableFuture<byte[]> read = new CompletableFuture<>();
            session.get(0).getData(path, false, (rc, p, ctx, data, stat) -> {
                if (rc == KeeperException.Code.OK.intValue()) {
                    read.complete(data);
                } else {
                    read.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), p));
                }
            }, null);
            byte[] data = read.get(READ_LIMIT_SECONDS, TimeUnit.SECONDS);
            long millis = server.millisSinceStart();
            if (!Arrays.equals(data, value)) {
                throw new BenchException(path + " read back with other data than it was created with");
            }
            return millis;
        } catch (ExecutionException | TimeoutException e) {
            throw new BenchException("cannot read " + path + " back: " + e);
        }
    }
}
