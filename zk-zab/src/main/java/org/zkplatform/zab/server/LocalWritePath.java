package org.zkplatform.zab.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.auth.Id;
import org.zkplatform.api.time.Clock;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.request.RequestPrep;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.session.SessionTracker;
import org.zkplatform.zab.tree.DataNode;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.EphemeralOwner;

/**
 * Writes prepared on this server: standalone, or the leader of an ensemble. Txns go to a
 * {@link TxnSink} (the log, or the proposer); this path tracks them until they are committed,
 * expires sessions, and reaps containers.
 */
public final class LocalWritePath implements WritePath {

    private static final Logger LOG = LoggerFactory.getLogger(LocalWritePath.class);

    private final String mode;
    private final DataTree tree;
    private final SessionTracker sessions;
    private final RequestPrep prep;
    private final TxnSink sink;
    private final Clock clock;
    private final int tickTimeMillis;
    private final long containerCheckMillis;
    /** Txns handed to the sink and not yet committed, in zxid order. */
    private final Deque<Transaction> uncommitted = new ArrayDeque<>();
    private long nextContainerCheckMs;

    public LocalWritePath(String mode, DataTree tree, SessionTracker sessions, RequestPrep prep, TxnSink sink,
                   CoreSettings settings, Clock clock) {
        this.mode = mode;
        this.tree = tree;
        this.sessions = sessions;
        this.prep = prep;
        this.sink = sink;
        this.clock = clock;
        this.tickTimeMillis = settings.tickTimeMillis();
        this.containerCheckMillis = settings.containerCheckInterval().toMillis();
        this.nextContainerCheckMs = clock.monotonicMillis() + containerCheckMillis;
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public SessionTracker sessions() {
        return sessions;
    }

    private void submit(Transaction txn) {
        uncommitted.addLast(txn);
        sink.submit(txn);
    }

    @Override
    public long newSession(int timeoutMs) {
        long sessionId = sessions.createSession(timeoutMs, clock.monotonicMillis());
        submit(prep.createSession(sessionId, timeoutMs));
        return sessionId;
    }

    @Override
    public CompletionStage<Boolean> revalidate(long sessionId, int timeoutMs) {
        return CompletableFuture.completedFuture(sessions.touch(sessionId, clock.monotonicMillis()));
    }

    @Override
    public void write(long sessionId, int xid, int type, JuteRecord record, List<Id> ids) {
        if (type == OpCode.CLOSE_SESSION) {
            sessions.setClosing(sessionId);
            submit(prep.closeSession(sessionId, xid));
        } else if (type == OpCode.CREATE_SESSION) {
            // Forwarded by a learner that created the session on its side.
            int timeout = ((CreateSessionTxn) record).timeOut();
            sessions.addSession(sessionId, timeout, clock.monotonicMillis());
            submit(prep.createSession(sessionId, timeout));
        } else {
            submit(prep.prepare(sessionId, xid, type, record, ids));
        }
    }

    @Override
    public CompletionStage<Void> sync(long sessionId) {
        return null;
    }

    @Override
    public void touch(long sessionId) {
        sessions.touch(sessionId, clock.monotonicMillis());
    }

    /**
     * The txns up to {@code zxid}, in order, now committed: made durable here (standalone), or
     * acknowledged by a quorum (leader).
     */
    public List<Transaction> committedUpTo(long zxid) {
        List<Transaction> committed = new ArrayList<>();
        while (!uncommitted.isEmpty() && uncommitted.peekFirst().zxid() <= zxid) {
            committed.add(uncommitted.pollFirst());
        }
        return committed;
    }

    @Override
    public void applied(Transaction txn) {
        prep.applied(txn.zxid());
        long sessionId = txn.header().clientId();
        if (txn.header().type() == OpCode.CREATE_SESSION) {
            sessions.addSession(sessionId, ((CreateSessionTxn) txn.record()).timeOut(), clock.monotonicMillis());
        } else if (txn.header().type() == OpCode.CLOSE_SESSION) {
            sessions.removeSession(sessionId);
        }
    }

    @Override
    public void tick() {
        long now = clock.monotonicMillis();
        for (long sessionId : sessions.expired(now)) {
            LOG.info("Expiring session 0x{}: timeout of {} ms exceeded", Long.toHexString(sessionId),
                    sessions.timeoutOf(sessionId));
            submit(prep.closeSession(sessionId, 0));
        }
        if (now >= nextContainerCheckMs) {
            nextContainerCheckMs = now + containerCheckMillis;
            reapContainers();
        }
    }

    @Override
    public long nextTickMs() {
        return Math.min(sessions.nextExpiryCheckMs(), clock.monotonicMillis() + tickTimeMillis);
    }

    /** Deletes containers that had children and have none left, and TTL nodes past their TTL. */
    private void reapContainers() {
        long wallNow = clock.currentTimeMillis();
        for (String path : tree.containers()) {
            DataNode node = tree.node(path);
            if (node != null && node.childCount() == 0 && node.storedCversion() > 0) {
                submit(prep.deleteContainer(path));
            }
        }
        for (String path : tree.ttlNodes()) {
            DataNode node = tree.node(path);
            if (node != null && node.childCount() == 0
                    && wallNow - node.mtime() > EphemeralOwner.ttlMillisOf(node.ephemeralOwner())) {
                submit(prep.deleteContainer(path));
            }
        }
    }

    /** Txns proposed and not yet committed: outstanding requests in srvr. */
    public int outstanding() {
        return uncommitted.size();
    }
}
