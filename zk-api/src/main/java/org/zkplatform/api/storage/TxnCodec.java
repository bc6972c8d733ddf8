package org.zkplatform.api.storage;

/** The one fact about txn bytes that storage needs: which zxid they carry. */
@FunctionalInterface
public interface TxnCodec {

    /**
     * The zxid of the txn in {@code txn}.
     *
     * @throws IllegalArgumentException if the bytes are too short to hold one
     */
    long zxidOf(byte[] txn);
}
