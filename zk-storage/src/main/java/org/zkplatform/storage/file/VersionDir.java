package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.zkplatform.api.storage.StorageException;

/** The {@code version-2} directory ZooKeeper keeps its files in, under the data dir and the data-log dir. */
final class VersionDir {

    private static final String NAME = "version-2";

    private VersionDir() {
    }

    /**
     * Creates {@code parent/version-2} if missing (ZooKeeper creates it too) and checks that it is
     * a writable directory.
     *
     * @param label what {@code parent} is, for messages: "data dir" or "data log dir"
     * @return the version-2 directory
     */
    static Path prepare(String label, Path parent) throws StorageException {
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new StorageException(label + " " + parent + " is not a directory");
        }
        Path dir = parent.resolve(NAME);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StorageException(dir + " is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw IoFailures.of("create " + label, dir, e);
        }
        if (!Files.isWritable(dir)) {
            throw new StorageException(label + " " + dir + " is not writable");
        }
        return dir;
    }

    /**
     * The existing {@code parent/version-2}, for a read-only open: unlike {@link #prepare} it
     * creates nothing.
     *
     * @param label what {@code parent} is, for messages: "data dir" or "data log dir"
     */
    static Path existing(String label, Path parent) throws StorageException {
        Path dir = parent.resolve(NAME);
        if (!Files.isDirectory(dir)) {
            throw new StorageException(label + " " + parent + (Files.isDirectory(parent)
                    ? " holds no " + NAME + " directory, so no server has written there" : " does not exist"));
        }
        return dir;
    }

    /**
     * Makes the directory's entries durable: a file created, renamed or deleted inside it survives
     * a crash only once its directory is fsynced.
     */
    static void fsync(Path dir) throws StorageException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw IoFailures.of("fsync directory", dir, e);
        }
    }
}
