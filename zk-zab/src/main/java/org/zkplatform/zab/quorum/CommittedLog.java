package org.zkplatform.zab.quorum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.zkplatform.zab.request.Transaction;

/**
 * The last committed txns, kept so a leader can bring a learner that is slightly behind up to date
 * with a DIFF instead of a whole snapshot (ZooKeeper's committedLog, 500 by default).
 */
final class CommittedLog {

    static final int DEFAULT_CAPACITY = 500;

    private final int capacity;
    private final Deque<Transaction> txns = new ArrayDeque<>();

    CommittedLog(int capacity) {
        this.capacity = capacity;
    }

    void add(Transaction txn) {
        if (!txns.isEmpty() && txn.zxid() <= txns.peekLast().zxid()) {
            return;
        }
        txns.addLast(txn);
        if (txns.size() > capacity) {
            txns.pollFirst();
        }
    }

    void clear() {
        txns.clear();
    }

    boolean isEmpty() {
        return txns.isEmpty();
    }

    long minZxid() {
        return txns.isEmpty() ? 0 : txns.peekFirst().zxid();
    }

    long maxZxid() {
        return txns.isEmpty() ? 0 : txns.peekLast().zxid();
    }

    boolean contains(long zxid) {
        for (Transaction txn : txns) {
            if (txn.zxid() == zxid) {
                return true;
            }
        }
        return false;
    }

    /** The largest zxid below {@code zxid}, or -1. */
    long before(long zxid) {
        long best = -1;
        for (Transaction txn : txns) {
            if (txn.zxid() < zxid) {
                best = txn.zxid();
            }
        }
        return best;
    }

    /** The txns after {@code zxid}, in order. */
    List<Transaction> after(long zxid) {
        List<Transaction> later = new ArrayList<>();
        for (Transaction txn : txns) {
            if (txn.zxid() > zxid) {
                later.add(txn);
            }
        }
        return later;
    }
}
