package org.zkplatform.dist.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The snapshots and txn logs in a data dir's {@code version-2} folder, ordered by the zxid in
 * their names as ZooKeeper orders them (not by name: {@code log.a} comes after {@code log.9}).
 */
record DataDirFiles(List<Path> snapshots, List<Path> logs) {

    private static final Pattern NAME = Pattern.compile("(snapshot|log)\\.([0-9a-f]+)");

    static DataDirFiles of(Path dataDir) {
        Path dir = dataDir.resolve("version-2");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(DataDirFiles::zxidOf)).toList();
            return new DataDirFiles(
                    all.stream().filter(f -> f.getFileName().toString().startsWith("snapshot.")).toList(),
                    all.stream().filter(f -> f.getFileName().toString().startsWith("log.")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path newestSnapshot() {
        return snapshots.get(snapshots.size() - 1);
    }

    Path newestLog() {
        return logs.get(logs.size() - 1);
    }

    /** The zxid a snapshot or log file is named after. */
    static long zxidOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is neither a snapshot nor a txn log");
        }
        return Long.parseUnsignedLong(m.group(2), 16);
    }

    @Override
    public String toString() {
        return "snapshots " + snapshots.stream().map(p -> p.getFileName().toString()).toList()
                + ", logs " + logs.stream().map(p -> p.getFileName().toString()).toList();
    }
}
