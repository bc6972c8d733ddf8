package org.zkplatform.zab.server;

import org.zkplatform.zab.request.Transaction;

/**
 * Where prepared txns go to become durable: the local log (standalone), or a proposal to the
 * ensemble. Durability is reported back to the core, in zxid order, as a {@link CoreEvent.Durable}.
 */
public interface TxnSink {

    void submit(Transaction txn);
}
