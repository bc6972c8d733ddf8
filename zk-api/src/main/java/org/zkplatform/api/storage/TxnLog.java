package org.zkplatform.api.storage;

/**
 * The transaction log. Single writer: the server calls the mutating methods from one thread.
 *
 * <p>Group commit: {@link #append} only buffers; one {@link #commit()} makes every append since
 * the previous commit durable with one fsync.
 */
public interface TxnLog extends AutoCloseable {

    /**
     * Appends one txn. Zxids must increase. Not durable until {@link #commit()}.
     *
     * @param zxid the txn's zxid, as {@link TxnCodec#zxidOf} would read it from {@code txn}
     * @param txn the txn bytes; the log keeps no reference after the call returns
     */
    void append(long zxid, byte[] txn) throws StorageException;

    /** Makes every appended txn durable. Returns only when it is. */
    void commit() throws StorageException;

    /** The zxid of the last appended txn, 0 if the log is empty. */
    long lastZxid();

    /**
     * Reads txns with zxid {@code >= fromZxid}, in zxid order. The cursor sees the log as it was
     * at this call, committed or not; a torn tail ends the cursor.
     */
    TxnCursor readFrom(long fromZxid) throws StorageException;

    /** Removes every txn with zxid {@code > zxid} (a learner dropping an abandoned branch). Durable on return. */
    void truncateAfter(long zxid) throws StorageException;

    /** Starts a new log file at the next append; called after a snapshot so old files can be purged. */
    void roll() throws StorageException;

    @Override
    void close();
}
