package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.StorageException;

/**
 * An exclusive lock on a directory, so that two servers never write one data dir: they would
 * interleave log files and overwrite each other's snapshots and epochs. The operating system
 * releases the lock when the process dies, so a crash leaves nothing to clean up.
 */
final class DirLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirLock.class);
    static final String FILE_NAME = "zkplatform.lock";

    private final FileChannel channel;
    private final Path file;

    private DirLock(FileChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
    }

    /**
     * Locks {@code versionDir}.
     *
     * @param label what {@code parent} is, for messages: "data dir" or "data log dir"
     * @param parent the directory the operator configured, named in the message
     */
    static DirLock acquire(String label, Path parent, Path versionDir) throws StorageException {
        Path file = versionDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw IoFailures.of("create lock file", file, e);
        }
        String holder = "another process";
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            holder = "another storage in this process";
        } catch (IOException e) {
            closeQuietly(channel, file);
            throw IoFailures.of("lock", file, e);
        }
        if (lock == null) {
            closeQuietly(channel, file);
            throw new DirInUseException(label + " " + parent + " is in use by " + holder + " (" + file + " is locked)");
        }
        return new DirLock(channel, file);
    }

    /** Releases the lock. */
    @Override
    public void close() {
        closeQuietly(channel, file);
    }

    private static void closeQuietly(FileChannel channel, Path file) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing lock file {} failed: {}", file, IoFailures.reason(e));
        }
    }
}
