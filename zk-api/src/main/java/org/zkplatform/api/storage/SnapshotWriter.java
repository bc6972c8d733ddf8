package org.zkplatform.api.storage;

import java.io.OutputStream;

/** A snapshot being written. Exactly one of {@link #commit()} or {@link #abort()} ends it. */
public interface SnapshotWriter extends AutoCloseable {

    /** Where to write the snapshot's bytes (uncompressed; the store compresses if configured). */
    OutputStream stream();

    /** Makes the snapshot durable and visible, atomically. */
    SnapshotInfo commit() throws StorageException;

    /** Discards the snapshot. */
    void abort();

    /** Aborts unless committed. */
    @Override
    default void close() {
        abort();
    }
}
