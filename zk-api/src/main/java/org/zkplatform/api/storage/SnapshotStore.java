package org.zkplatform.api.storage;

import java.io.InputStream;
import java.util.List;

/** Snapshots of the data tree: write-once byte streams named by zxid. */
public interface SnapshotStore {

    /**
     * Starts a snapshot of the state at (or, for a fuzzy snapshot, from) {@code zxid}. Nothing is
     * visible to {@link #list()} until {@link SnapshotWriter#commit()}.
     */
    SnapshotWriter create(long zxid) throws StorageException;

    /** The committed snapshots, newest (highest zxid) first. */
    List<SnapshotInfo> list() throws StorageException;

    /**
     * Opens a snapshot for reading, decompressing if it was stored compressed. The caller closes
     * the stream. Whether the content is valid is for the caller to check.
     */
    InputStream open(SnapshotInfo snapshot) throws StorageException;

    /**
     * Deletes every snapshot above {@code zxid}: a server whose log is cut back to {@code zxid}
     * (its last txns were on a branch the ensemble abandoned) must never restart from one of them.
     * Returns how many it deleted.
     */
    int deleteNewerThan(long zxid) throws StorageException;
}
