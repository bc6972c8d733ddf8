package org.zkplatform.api.storage;

/** An opened storage: the server's log, snapshots and epochs. Closing it closes all three. */
public interface Storage extends AutoCloseable {

    TxnLog txnLog();

    SnapshotStore snapshots();

    EpochStore epochs();

    /**
     * Deletes snapshots beyond the newest {@code retainSnapshots}, and every log file whose
     * transactions all precede the oldest snapshot kept.
     *
     * @return how many files were deleted
     */
    int purge(int retainSnapshots) throws StorageException;

    /** Where the data lives, for logs and {@code conf}; for example the data directory. */
    String describe();

    @Override
    void close();
}
