package org.zkplatform.zab.server;

import org.zkplatform.zab.proto.JuteRecord;

/**
 * A request of a session waiting its turn: a write waits for its txn to be applied, and
 * everything behind it waits for the write.
 *
 * @param zxid the write's txn, or -1 for a request that needs no txn
 * @param record the decoded request, null if it has no body or could not be decoded
 * @param malformed whether the body could not be decoded
 * @param receivedNanos when it arrived, for latency
 */
record PendingRequest(int xid, int type, JuteRecord record, boolean malformed, long zxid, long receivedNanos) {

    boolean isWrite() {
        return zxid != -1;
    }
}
