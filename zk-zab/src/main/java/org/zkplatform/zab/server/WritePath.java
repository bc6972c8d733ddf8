package org.zkplatform.zab.server;

import java.util.concurrent.CompletionStage;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.session.SessionTracker;

/**
 * How writes, sessions and syncs reach the log, by role: prepared here and made durable (standalone),
 * prepared here and proposed to the ensemble (leader), or forwarded to the leader (follower,
 * observer). Every txn comes back to the core through {@link ServerCore#applyCommitted}, whatever
 * the path. Called on the driver thread only.
 */
public interface WritePath {

    /** "standalone", "leader", "follower" or "observer", as srvr's Mode: line says. */
    String mode();

    /** The sessions this server tracks: all of them where sessions expire here, else those it created. */
    SessionTracker sessions();

    /** Starts a new session; its createSession txn comes back through the core. Returns its id. */
    long newSession(int timeoutMs);

    /** Whether a resumed session is valid, touching it if so. */
    CompletionStage<Boolean> revalidate(long sessionId, int timeoutMs);

    /**
     * A client's write (closeSession included) on its session; {@code record} is null if the
     * request could not be decoded. Its txn comes back through the core.
     */
    void write(long sessionId, int xid, int type, JuteRecord record, java.util.List<org.zkplatform.api.auth.Id> ids);

    /**
     * A sync, or null when this server answers syncs in the session's turn (it holds every
     * committed txn already).
     */
    CompletionStage<Void> sync(long sessionId);

    /** A session showed signs of life. */
    void touch(long sessionId);

    /** Bookkeeping after {@code txn} was applied to the tree. */
    void applied(Transaction txn);

    /** Periodic work: session expiry, container reaping. */
    void tick();

    /** When {@link #tick()} next has work. */
    long nextTickMs();
}
