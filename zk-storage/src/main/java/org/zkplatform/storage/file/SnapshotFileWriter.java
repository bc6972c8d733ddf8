package org.zkplatform.storage.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.SnapshotWriter;
import org.zkplatform.api.storage.StorageException;

/**
 * One snapshot being written: into a temp file, then fsynced, renamed and its directory fsynced,
 * so that a crash leaves either the complete snapshot under its final name or no snapshot.
 * Used by one thread.
 */
final class SnapshotFileWriter implements SnapshotWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFileWriter.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final long zxid;
    private final Path temp;
    private final Path target;
    private final OutputStream stream;
    private boolean done;

    /** Creates the temp file; fails if it exists, that is if a snapshot at this zxid is being written. */
    SnapshotFileWriter(long zxid, Path temp, Path target, SnapshotCompression compression) throws IOException {
        this.zxid = zxid;
        this.temp = temp;
        this.target = target;
        OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            OutputStream encoded = compression == SnapshotCompression.GZ ? new GZIPOutputStream(file, BUFFER_BYTES) : file;
            this.stream = new BufferedOutputStream(encoded, BUFFER_BYTES);
        } catch (IOException e) {
            file.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public SnapshotInfo commit() throws StorageException {
        if (done) {
            throw new IllegalStateException("snapshot " + target.getFileName() + " was already committed or aborted");
        }
        try {
            // Closing finishes the gzip trailer; closing twice (if the caller closed) is harmless.
            stream.close();
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                // fsync works on the file, whichever descriptor asks: the writing one is closed.
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            abort();
            throw IoFailures.of("commit snapshot", target, e);
        }
        done = true;
        VersionDir.fsync(target.getParent());
        try {
            return new SnapshotInfo(zxid, target.getFileName().toString(), Files.size(target));
        } catch (IOException e) {
            throw IoFailures.of("read the size of snapshot", target, e);
        }
    }

    /** Deletes the temp file; does nothing once committed or aborted. */
    @Override
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } catch (IOException e) {
            LOG.debug("closing aborted snapshot {} failed", temp, e);
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not delete aborted snapshot {}: {}", temp, IoFailures.reason(e));
        }
    }
}
