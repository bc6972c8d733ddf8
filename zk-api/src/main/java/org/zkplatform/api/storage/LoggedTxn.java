package org.zkplatform.api.storage;

import java.util.Objects;

/**
 * A txn read back from the log.
 *
 * @param zxid its zxid
 * @param bytes its bytes exactly as appended; the array is the caller's
 */
public record LoggedTxn(long zxid, byte[] bytes) {

    public LoggedTxn {
        Objects.requireNonNull(bytes, "bytes is null");
    }
}
