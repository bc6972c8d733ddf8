package org.zkplatform.zab.session;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Session bookkeeping of the leader or standalone server, with Apache ZooKeeper 3.9.5's
 * semantics (SessionTrackerImpl plus its ExpiryQueue): session ids, passwords, timeouts and
 * expiry.
 *
 * <h2>Ids and passwords</h2>
 * The first id is {@code ((monotonicMillis << 24) >>> 8) | (serverId << 56)}: the server id
 * in bits 63..56, the low 40 bits of the monotonic clock at start in bits 55..16, a counter
 * in bits 15..0. Only that initial value is moved off {@code 0x8000000000000000}; later ids
 * are plain increments. The password is never stored: every server derives it from the id.
 *
 * <h2>Expiry</h2>
 * Sessions sit in buckets at multiples of {@code tickTime}. Creating or touching a session
 * puts it in the bucket {@code (floor((now + timeout) / tickTime) + 1) × tickTime}: the next
 * multiple strictly after {@code now + timeout} (an exact multiple goes one tick further, as
 * ZooKeeper's roundToNextInterval does). {@link #expired(long)} hands out, once, the sessions
 * of every bucket whose time has come and marks them closing; they stay tracked until
 * {@link #removeSession(long)}, as in ZooKeeper. A closing session can no longer be touched.
 * A bucket left empty by touches and removals stays until its time comes (ZooKeeper's dump
 * shows it as {@code 0 expire at ...}).
 *
 * <h2>Committed sessions</h2>
 * ZooKeeper keeps two collections: the tracked sessions (created here, or learned) and the
 * {@code sessionsWithTimeout} map that the snapshot stores, which only holds sessions whose
 * createSession txn was applied. Here a session from {@link #createSession} is tracked but not
 * committed until {@link #addSession} is called for it (when its createSession txn is
 * applied); {@link #sessionsWithTimeouts()} lists committed sessions only.
 *
 * <h2>Threading and time</h2>
 * Not thread-safe, by contract: an instance is owned by the server's single driver thread, so
 * it uses plain hash maps and no locks. It reads no clock and starts no thread: every time is
 * a monotonic millisecond value passed in by the caller, which must never go backwards.
 */
public final class SessionTracker {

    /** Length of a session password in bytes. */
    public static final int PASSWORD_LENGTH = 16;

    /** ZooKeeperServer's superSecret: the password generator is seeded with {@code id ^ this}. */
    private static final long SUPER_SECRET = 0xB3415C00L;

    private final long serverId;
    private final int tickMs;
    private long nextSessionId;
    /** The earliest bucket time {@link #expired} has not yet handed out. */
    private long nextExpiryMs;

    private final Map<Long, Session> sessions = new HashMap<>();
    /** Bucket time → ids of the sessions expiring then. Sets may be empty (see the class doc). */
    private final NavigableMap<Long, Set<Long>> buckets = new TreeMap<>();

    private static final class Session {
        final long id;
        int timeoutMs;
        /** The bucket the session was last put in; NO_BUCKET before that. */
        long expiryMs = NO_BUCKET;
        boolean closing;
        boolean committed;

        Session(long id, int timeoutMs) {
            this.id = id;
            this.timeoutMs = timeoutMs;
        }
    }

    private static final long NO_BUCKET = Long.MIN_VALUE;

    /**
     * @param serverId this server's id (myid), 0 in standalone; ends up in the ids' top byte
     * @param monotonicMillisAtStart the monotonic clock now, in milliseconds
     * @param tickTimeMillis the tick: expiry granularity
     */
    public SessionTracker(long serverId, long monotonicMillisAtStart, int tickTimeMillis) {
        if (tickTimeMillis <= 0) {
            throw new IllegalArgumentException("tickTime must be positive: " + tickTimeMillis);
        }
        this.serverId = serverId;
        this.tickMs = tickTimeMillis;
        this.nextSessionId = initialSessionId(serverId, monotonicMillisAtStart);
        this.nextExpiryMs = nextBucketAfter(monotonicMillisAtStart);
    }

    // ------------------------------------------------------------------ ids and passwords

    /** The first session id a tracker started at {@code monotonicMillis} hands out. */
    public static long initialSessionId(long serverId, long monotonicMillis) {
        long id = ((monotonicMillis << 24) >>> 8) | (serverId << 56);
        if (id == Long.MIN_VALUE) {
            id++; // 0x8000000000000000 marks containers in ephemeralOwner
        }
        return id;
    }

    /**
     * The session's password: 16 bytes from {@code new Random(sessionId ^ 0xB3415C00L)}, exactly
     * as every ZooKeeper server computes it, so a session can move between servers.
     */
    public static byte[] password(long sessionId) {
        byte[] password = new byte[PASSWORD_LENGTH];
        new Random(sessionId ^ SUPER_SECRET).nextBytes(password);
        return password;
    }

    /**
     * Whether a reconnecting client's password is right. Session id 0 never matches. Compares
     * in constant time.
     */
    public static boolean passwordMatches(long sessionId, byte[] password) {
        return sessionId != 0 && password != null && MessageDigest.isEqual(password(sessionId), password);
    }

    /** This tracker's server id. */
    public long serverId() {
        return serverId;
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * A new session: takes the next id, tracks it and puts it in its expiry bucket. It is not
     * committed until {@link #addSession} is called for it.
     */
    public long createSession(int timeoutMs, long nowMs) {
        long id = nextSessionId++;
        track(id, timeoutMs, nowMs);
        return id;
    }

    /**
     * A session learned from an applied createSession txn or a snapshot: tracks it if it is
     * new, otherwise takes the new timeout; either way marks it committed and re-buckets it
     * from {@code nowMs}. Like ZooKeeper's trackSession, this re-buckets a closing session too
     * (it stays closing).
     *
     * @return whether the session was not tracked before
     */
    public boolean addSession(long id, int timeoutMs, long nowMs) {
        boolean added = track(id, timeoutMs, nowMs);
        sessions.get(id).committed = true;
        return added;
    }

    private boolean track(long id, int timeoutMs, long nowMs) {
        Session session = sessions.get(id);
        boolean added = session == null;
        if (added) {
            session = new Session(id, timeoutMs);
            sessions.put(id, session);
        } else {
            session.timeoutMs = timeoutMs;
        }
        rebucket(session, nowMs);
        return added;
    }

    /**
     * Client activity: moves the session to the bucket {@code nowMs + timeout} falls in.
     *
     * @return false if the session is unknown or closing (the caller then treats it as expired)
     */
    public boolean touch(long id, long nowMs) {
        Session session = sessions.get(id);
        if (session == null || session.closing) {
            return false;
        }
        rebucket(session, nowMs);
        return true;
    }

    private void rebucket(Session session, long nowMs) {
        long expiry = nextBucketAfter(nowMs + session.timeoutMs);
        long previous = session.expiryMs;
        if (expiry == previous) {
            return;
        }
        buckets.computeIfAbsent(expiry, t -> new HashSet<>()).add(session.id);
        session.expiryMs = expiry;
        if (previous != NO_BUCKET) {
            Set<Long> old = buckets.get(previous);
            if (old != null) {
                old.remove(session.id); // an emptied bucket stays, as in ZooKeeper
            }
        }
    }

    /**
     * The sessions whose bucket time is at or before {@code nowMs}, each handed out once, in
     * bucket order and ascending id within a bucket. They are marked closing and stay tracked
     * until {@link #removeSession}. The caller submits a closeSession for each; a session that
     * was already closing (say a client close in flight) is reported too, as ZooKeeper does, so
     * that a close that never completes cannot leak the session.
     */
    public List<Long> expired(long nowMs) {
        if (nowMs < nextExpiryMs) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        SortedMap<Long, Set<Long>> due = buckets.headMap(nowMs, true);
        for (Set<Long> bucket : due.values()) {
            List<Long> ids = new ArrayList<>(bucket);
            ids.sort(null);
            for (Long id : ids) {
                sessions.get(id).closing = true;
                out.add(id);
            }
        }
        due.clear();
        nextExpiryMs = nextBucketAfter(nowMs);
        return out;
    }

    /** When {@link #expired} can next return something: the next bucket time (a tick multiple). */
    public long nextExpiryCheckMs() {
        return nextExpiryMs;
    }

    /** Marks a session closing (closeSession received or being processed). Unknown ids are ignored. */
    public void setClosing(long id) {
        Session session = sessions.get(id);
        if (session != null) {
            session.closing = true;
        }
    }

    /** Forgets a session (its closeSession txn was applied). Unknown ids are ignored. */
    public void removeSession(long id) {
        Session session = sessions.remove(id);
        if (session != null && session.expiryMs != NO_BUCKET) {
            Set<Long> bucket = buckets.get(session.expiryMs);
            if (bucket != null) {
                bucket.remove(id);
            }
        }
    }

    // ------------------------------------------------------------------ queries

    /** Whether the session is tracked, closing or not. */
    public boolean contains(long id) {
        return sessions.containsKey(id);
    }

    /** Whether the session is tracked and not closing. */
    public boolean isActive(long id) {
        Session session = sessions.get(id);
        return session != null && !session.closing;
    }

    /** Whether the session is tracked and closing. */
    public boolean isClosing(long id) {
        Session session = sessions.get(id);
        return session != null && session.closing;
    }

    /** The session's timeout in ms, or 0 if it is not tracked. */
    public int timeoutOf(long id) {
        Session session = sessions.get(id);
        return session == null ? 0 : session.timeoutMs;
    }

    /** Tracked sessions, closing ones included (mntr's {@code zk_global_sessions}). */
    public int count() {
        return sessions.size();
    }

    /**
     * Committed sessions with their timeouts, by id: what a snapshot stores (ZooKeeper's
     * {@code sessionsWithTimeout}). A fresh copy.
     */
    public SortedMap<Long, Integer> sessionsWithTimeouts() {
        SortedMap<Long, Integer> view = new TreeMap<>();
        for (Session session : sessions.values()) {
            if (session.committed) {
                view.put(session.id, session.timeoutMs);
            }
        }
        return view;
    }

    /** Bucket time → ids of its sessions, ascending; empty buckets included. A fresh copy. */
    public SortedMap<Long, List<Long>> expiryBuckets() {
        SortedMap<Long, List<Long>> view = new TreeMap<>();
        for (Map.Entry<Long, Set<Long>> e : buckets.entrySet()) {
            List<Long> ids = new ArrayList<>(e.getValue());
            ids.sort(null);
            view.put(e.getKey(), ids);
        }
        return view;
    }

    /**
     * The text ZooKeeper's leader and standalone servers print after {@code SessionTracker dump:}
     * in the {@code dump} four-letter word (SessionTrackerImpl.dumpSessions):
     * <pre>
     * Session Sets (&lt;buckets&gt;)/(&lt;tracked sessions&gt;):
     * &lt;n&gt; expire at &lt;java.util.Date#toString of the bucket time&gt;:
     * \t0x&lt;session id hex&gt;
     * </pre>
     * Buckets ascending (empty ones too), sessions ascending inside a bucket (ZooKeeper's order
     * there is unspecified). Bucket times are monotonic; as ZooKeeper does, they are shown as
     * wall-clock dates, {@code wallClockNowMs - nowMs + bucketTime}, in the JVM's default zone.
     * Lines end in "\n".
     */
    public String dump(long nowMs, long wallClockNowMs) {
        StringBuilder sb = new StringBuilder();
        sb.append("Session Sets (").append(buckets.size()).append(")/(").append(sessions.size()).append("):\n");
        for (Map.Entry<Long, List<Long>> e : expiryBuckets().entrySet()) {
            Date at = new Date(wallClockNowMs - nowMs + e.getKey());
            sb.append(e.getValue().size()).append(" expire at ").append(at).append(":\n");
            for (Long id : e.getValue()) {
                sb.append("\t0x").append(Long.toHexString(id)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The first tick multiple strictly after {@code t}. */
    private long nextBucketAfter(long t) {
        return (Math.floorDiv(t, (long) tickMs) + 1) * tickMs;
    }
}
