package org.zkplatform.api.storage;

/** Sequential read of the txn log. Not thread-safe. */
public interface TxnCursor extends AutoCloseable {

    /** The next txn, or {@code null} at the end of the log. */
    LoggedTxn next() throws StorageException;

    @Override
    void close();
}
