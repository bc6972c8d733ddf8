package org.zkplatform.dist.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a stopped server's data dir holds on disk, snapshots and txn logs apart. Both servers
 * preallocate txn logs in 64 MiB blocks by writing one byte at the end, so a log's length says
 * little about what it holds: its allocated blocks ({@code du}) do, in sparse files.
 *
 * @param snapshots snapshot files
 * @param newestSnapshotBytes length of the one with the highest zxid, the one a restart loads
 * @param newestSnapshotNodes nodes in that one, -1 if it could not be read
 * @param snapshotBytes length of all of them
 * @param snapshotAllocated blocks allocated to all of them, in bytes; -1 if {@code du} failed
 * @param logs txn log files
 * @param logBytes length of all of them, preallocation included
 * @param logAllocated blocks allocated to all of them, in bytes; -1 if {@code du} failed
 * @param otherBytes length of every other file (epochs and the like)
 */
record DataDirUsage(int snapshots, long newestSnapshotBytes, long newestSnapshotNodes, long snapshotBytes, long snapshotAllocated, int logs,
        long logBytes, long logAllocated, long otherBytes) {

    private static final long DU_LIMIT_SECONDS = 30;

    static DataDirUsage of(Path dataDir) throws BenchException, InterruptedException {
        Map<Path, Long> allocated = allocatedBytes(dataDir);
        int snapshots = 0;
        int logs = 0;
        long newestZxid = -1;
        Path newest = null;
        long newestSnapshot = 0;
        long snapshotBytes = 0;
        long logBytes = 0;
        long otherBytes = 0;
        long snapshotAllocated = 0;
        long logAllocated = 0;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                long size = Files.size(file);
                long blocks = allocated.getOrDefault(file, -1L);
                if (name.startsWith("snapshot.")) {
                    snapshots++;
                    snapshotBytes += size;
                    snapshotAllocated = sum(snapshotAllocated, blocks);
                    long zxid = zxid(name);
                    if (zxid > newestZxid) {
                        newestZxid = zxid;
                        newest = file;
                        newestSnapshot = size;
                    }
                } else if (name.startsWith("log.")) {
                    logs++;
                    logBytes += size;
                    logAllocated = sum(logAllocated, blocks);
                } else {
                    otherBytes += size;
                }
            }
        } catch (IOException e) {
            throw new BenchException("cannot measure " + dataDir + ": " + e);
        }
        return new DataDirUsage(snapshots, newestSnapshot, nodes(newest), snapshotBytes, snapshotAllocated, logs, logBytes,
                logAllocated, otherBytes);
    }

    /** Nodes in {@code snapshot}, -1 if there is none or it does not read as a snapshot. */
    private static long nodes(Path snapshot) {
        try {
            return snapshot == null ? -1 : SnapshotNodes.count(snapshot);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The zxid in a {@code snapshot.<hex>} name, -1 if it has none. */
    private static long zxid(String name) {
        try {
            return Long.parseUnsignedLong(name.substring(name.indexOf('.') + 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long sum(long total, long blocks) {
        return total < 0 || blocks < 0 ? -1 : total + blocks;
    }

    /** Length of the newest snapshot per node in it; -1 if unknown. */
    double snapshotBytesPerNode() {
        return newestSnapshotNodes <= 0 ? -1 : newestSnapshotBytes / (double) newestSnapshotNodes;
    }

    /** Every file's allocated bytes from {@code du -a -B1}; empty (so n/a) if du is not there or fails. */
    private static Map<Path, Long> allocatedBytes(Path dir) throws InterruptedException {
        Map<Path, Long> sizes = new HashMap<>();
        try {
            for (String line : ExternalCommand.run(DU_LIMIT_SECONDS, "du", "-a", "-B1", dir.toString()).split("\n")) {
                String[] fields = line.split("\t", 2);
                if (fields.length == 2) {
                    sizes.put(Path.of(fields[1]), Long.parseLong(fields[0]));
                }
            }
        } catch (BenchException | NumberFormatException e) {
            return Map.of();
        }
        return sizes;
    }
}
