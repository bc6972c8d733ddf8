package org.zkplatform.api.storage;

import java.util.Objects;
import org.zkplatform.api.time.Clock;

/**
 * What the server gives a storage it opens.
 *
 * @param clock the server's clock
 * @param txnCodec how to read the zxid out of a txn's bytes, since the storage stores bytes
 *     whose layout the core owns
 */
public record StorageContext(Clock clock, TxnCodec txnCodec) {

    public StorageContext {
        Objects.requireNonNull(clock, "clock is null");
        Objects.requireNonNull(txnCodec, "txnCodec is null");
    }
}
