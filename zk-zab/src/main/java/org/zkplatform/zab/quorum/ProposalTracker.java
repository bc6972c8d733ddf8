package org.zkplatform.zab.quorum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zkplatform.api.election.QuorumVerifier;
import org.zkplatform.zab.request.Transaction;

/**
 * A leader's outstanding proposals and who has acknowledged each: a proposal commits once a quorum
 * (the leader included) has it on disk, and only after every earlier one, so commits leave in
 * zxid order. Plain and deterministic: acks in, committed txns out.
 */
final class ProposalTracker {

    private final QuorumVerifier quorum;
    private final Deque<Pending> pending = new ArrayDeque<>();

    private static final class Pending {
        final Transaction txn;
        final Set<Long> acks = new HashSet<>();

        Pending(Transaction txn) {
            this.txn = txn;
        }
    }

    ProposalTracker(QuorumVerifier quorum) {
        this.quorum = quorum;
    }

    void propose(Transaction txn) {
        pending.addLast(new Pending(txn));
    }

    /** {@code sid} has {@code zxid} on disk; with cumulative {@code upTo}, everything before it too. */
    List<Transaction> ack(long sid, long zxid, boolean upTo) {
        for (Pending p : pending) {
            if (p.txn.zxid() == zxid || upTo && p.txn.zxid() < zxid) {
                p.acks.add(sid);
            }
        }
        return committable();
    }

    private List<Transaction> committable() {
        List<Transaction> committed = new ArrayList<>();
        while (!pending.isEmpty() && quorum.containsQuorum(pending.peekFirst().acks)) {
            committed.add(pending.pollFirst().txn);
        }
        return committed;
    }

    /** The proposals not yet committed, oldest first: a joining follower must receive them too. */
    List<Transaction> outstanding() {
        List<Transaction> txns = new ArrayList<>(pending.size());
        pending.forEach(p -> txns.add(p.txn));
        return txns;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The zxid of the last proposal, or {@code otherwise} when none is outstanding. */
    long lastProposed(long otherwise) {
        return pending.isEmpty() ? otherwise : pending.peekLast().txn.zxid();
    }
}
