package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.zkplatform.api.storage.StorageException;

/**
 * A txn log file, {@code log.<hex zxid of its first txn>}, and the rules for picking log files
 * by zxid.
 *
 * @param path the file
 * @param startZxid the zxid in its name
 */
record LogFile(Path path, long startZxid) {

    private static final Pattern NAME = Pattern.compile("log\\.([0-9a-fA-F]{1,16})");

    static String name(long zxid) {
        return "log." + Long.toHexString(zxid);
    }

    /** The log files in {@code dir}, oldest first, sorted by the zxid in their names (not by name). */
    static List<LogFile> list(Path dir) throws StorageException {
        List<LogFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path path : (Iterable<Path>) entries::iterator) {
                Matcher m = NAME.matcher(path.getFileName().toString());
                if (m.matches()) {
                    parse(m.group(1)).ifPresent(zxid -> files.add(new LogFile(path, zxid)));
                }
            }
        } catch (IOException e) {
            throw IoFailures.of("list txn logs in", dir, e);
        }
        files.sort(Comparator.comparingLong(LogFile::startZxid));
        return files;
    }

    /**
     * The index of the file that would hold {@code zxid}: the last one starting at or below it; -1
     * if every file starts above it.
     */
    static int holding(List<LogFile> files, long zxid) {
        int found = -1;
        for (int i = 0; i < files.size() && files.get(i).startZxid() <= zxid; i++) {
            found = i;
        }
        return found;
    }

    private static Optional<Long> parse(String hex) {
        try {
            return Optional.of(Long.parseLong(hex, 16));
        } catch (NumberFormatException e) {
            // Above 0x7fffffffffffffff: not a zxid, and ZooKeeper ignores such a file too.
            return Optional.empty();
        }
    }
}
