package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.storage.EpochStore;
import org.zkplatform.api.storage.StorageException;

/**
 * ZooKeeper's {@code currentEpoch} and {@code acceptedEpoch} files: an ASCII decimal long, no
 * newline. A write goes to {@code <name>.tmp}, is fsynced and renamed over the file, and the
 * directory is fsynced, so the file always holds either the old or the new value.
 *
 * <p>A crash between writing {@code currentEpoch.tmp} and the rename leaves the new value only in
 * the temp file. When {@code currentEpoch} is missing and that temp file holds a number, it is
 * returned; a temp file that does not parse was cut short by the crash and is ignored. (ZooKeeper's
 * own rule, in QuorumPeer.loadDataBase, differs: it reads {@code currentEpoch.tmp} when
 * {@code currentEpoch} exists but is older than the epoch of the last zxid, a comparison only
 * the core can make.)
 *
 * <p>Thread-safety: synchronized, since a write's temp file must not be shared.
 */
final class EpochFiles implements EpochStore {

    private static final Logger LOG = LoggerFactory.getLogger(EpochFiles.class);
    private static final String TEMP_SUFFIX = ".tmp";
    /** A long has at most 20 characters; anything much longer is not an epoch file. */
    private static final long MAX_BYTES = 64;

    private final Path dir;

    EpochFiles(Path dir) {
        this.dir = dir;
    }

    private static String fileName(EpochKind kind) {
        return kind == EpochKind.CURRENT ? "currentEpoch" : "acceptedEpoch";
    }

    @Override
    public synchronized OptionalLong read(EpochKind kind) throws StorageException {
        Path file = dir.resolve(fileName(kind));
        if (Files.exists(file)) {
            return OptionalLong.of(parse(file));
        }
        Path temp = dir.resolve(fileName(kind) + TEMP_SUFFIX);
        if (kind == EpochKind.CURRENT && Files.exists(temp)) {
            try {
                long epoch = parse(temp);
                LOG.info("{} is missing; using {} left by an interrupted write: epoch {}", file, temp, epoch);
                return OptionalLong.of(epoch);
            } catch (StorageException e) {
                LOG.warn("{} is missing and {} is unusable, so the epoch was never written: {}", file, temp, e.getMessage());
            }
        }
        return OptionalLong.empty();
    }

    /** Parses the first line, as ZooKeeper does ({@code readLine} then {@code Long.parseLong}). */
    private static long parse(Path file) throws StorageException {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new StorageException("epoch file " + file + " is " + size + " bytes long; it should hold one decimal number");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw IoFailures.of("read epoch file", file, e);
        }
        int lineEnd = 0;
        while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        String line = text.substring(0, lineEnd);
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new StorageException("epoch file " + file + " does not hold a decimal number: found '" + line + "'");
        }
    }

    @Override
    public synchronized void write(EpochKind kind, long epoch) throws StorageException {
        Path file = dir.resolve(fileName(kind));
        Path temp = dir.resolve(fileName(kind) + TEMP_SUFFIX);
        ByteBuffer bytes = ByteBuffer.wrap(Long.toString(epoch).getBytes(StandardCharsets.US_ASCII));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            throw IoFailures.of("write epoch file", temp, e);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw IoFailures.of("replace epoch file", file, e);
        }
        VersionDir.fsync(dir);
    }
}
