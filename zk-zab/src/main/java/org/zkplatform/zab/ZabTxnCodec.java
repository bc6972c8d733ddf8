package org.zkplatform.zab;

import org.zkplatform.api.storage.TxnCodec;

/**
 * Where the zxid sits in the core's txn bytes: a txn starts with ZooKeeper's TxnHeader
 * ({@code long clientId, int cxid, long zxid, ...}), so the zxid is the long at offset 12.
 */
public final class ZabTxnCodec implements TxnCodec {

    public static final ZabTxnCodec INSTANCE = new ZabTxnCodec();

    private static final int ZXID_OFFSET = 12;

    private ZabTxnCodec() {
    }

    @Override
    public long zxidOf(byte[] txn) {
        if (txn.length < ZXID_OFFSET + Long.BYTES) {
            throw new IllegalArgumentException("a txn of " + txn.length + " bytes is too short to hold a zxid");
        }
        return java.nio.ByteBuffer.wrap(txn).getLong(ZXID_OFFSET);
    }
}
