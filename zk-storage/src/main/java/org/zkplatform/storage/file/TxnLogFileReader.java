package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnCodec;

/**
 * Reads one txn log file on its own, for {@code zk-tool}: every intact txn in order, then where
 * and why reading stopped. Unlike the server's reads it does not fail on damage, since damage is
 * what the operator wants to see; only a file that cannot be read, or is not a ZooKeeper txn log
 * at all, fails. Opens the file read-only.
 */
public final class TxnLogFileReader implements AutoCloseable {

    private final LogReader reader;
    private String stop;

    private TxnLogFileReader(LogReader reader) {
        this.reader = reader;
    }

    /**
     * @param maxTxnBytes the longest txn to accept; a longer length reads as damage
     * @throws StorageException if the file cannot be read or its header says it is not a version-2 txn log
     */
    public static TxnLogFileReader open(Path file, int maxTxnBytes, TxnCodec codec) throws StorageException {
        return new TxnLogFileReader(LogReader.open(file, -1, maxTxnBytes, codec, Long.MIN_VALUE));
    }

    /**
     * The next intact txn, or {@code null} where reading stops: at the clean end of the log or at
     * damage, which {@link #damage()} then describes.
     *
     * @throws StorageException only if the file cannot be read
     */
    public LoggedTxn next() throws StorageException {
        if (stop != null) {
            return null;
        }
        try {
            LoggedTxn txn = reader.next();
            if (txn == null && reader.damage() != null) {
                stop = reader.damage().reason() + " at offset " + reader.damage().offset();
            }
            return txn;
        } catch (StorageException e) {
            if (e.getCause() instanceof IOException) {
                throw e;
            }
            // Content that passed its checksum but makes no sense: zxids going backwards, no zxid.
            stop = e.getMessage();
            return null;
        }
    }

    /** Why reading stopped early, naming the offset; empty if the log ended cleanly (or has not ended). */
    public Optional<String> damage() {
        return Optional.ofNullable(stop);
    }

    /** The offset just past the last intact txn (past the header if none). */
    public long goodEnd() {
        return reader.goodEnd();
    }

    @Override
    public void close() {
        reader.close();
    }
}
