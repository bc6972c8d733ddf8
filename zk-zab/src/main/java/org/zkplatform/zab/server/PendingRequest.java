package org.zkplatform.zab.server;

import org.zkplatform.zab.proto.JuteRecord;

/**
 * A request of a session waiting its turn: a write waits for its txn to be applied, a forwarded
 * sync for the leader's answer, and everything behind either waits for it.
 *
 * @param record the decoded request, null if it has no body or could not be decoded
 * @param malformed whether the body could not be decoded
 * @param awaits what the request waits for before it can be answered
 * @param receivedNanos when it arrived, for latency
 */
record PendingRequest(int xid, int type, JuteRecord record, boolean malformed, Awaits awaits, long receivedNanos) {

    /** What a request waits for. */
    enum Awaits {
        /** Nothing: answered in its turn. */
        TURN,
        /** Its txn (matched by session and xid) to be applied. */
        TXN,
        /** The leader's answer to a forwarded sync. */
        SYNC
    }

    /** Whether it blocks the session's queue until something outside the session happens. */
    boolean isBlocking() {
        return awaits != Awaits.TURN;
    }
}
