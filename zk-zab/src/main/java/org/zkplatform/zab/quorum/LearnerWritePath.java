package org.zkplatform.zab.quorum;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.zkplatform.api.auth.Id;
import org.zkplatform.api.time.Clock;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.proto.QuorumPacketType;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.server.WritePath;
import org.zkplatform.zab.session.SessionTracker;

/**
 * Writes of a follower or observer: forwarded to the leader as REQUEST packets; sessions created
 * here (numbered with this server's id) and revalidated by the leader, which expires them; syncs
 * answered when the leader's SYNC comes back. Driver thread only.
 */
final class LearnerWritePath implements WritePath {

    private final String mode;
    private final SessionTracker sessions;
    private final PeerLink leader;
    private final Clock clock;
    private final int tickMillis;
    private final Map<Long, CompletableFuture<Boolean>> revalidations = new HashMap<>();
    private final Queue<CompletableFuture<Void>> syncs = new ArrayDeque<>();
    /** Sessions with signs of life since the last ping, and their timeouts. */
    private final Map<Long, Integer> touched = new LinkedHashMap<>();

    LearnerWritePath(String mode, SessionTracker sessions, PeerLink leader, Clock clock, int tickMillis) {
        this.mode = mode;
        this.sessions = sessions;
        this.leader = leader;
        this.clock = clock;
        this.tickMillis = tickMillis;
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public SessionTracker sessions() {
        return sessions;
    }

    private void forward(long sessionId, int xid, int type, JuteRecord record, List<Id> ids) {
        JuteOutput out = new JuteOutput(64);
        out.writeLong(sessionId);
        out.writeInt(xid);
        out.writeInt(type);
        if (record != null) {
            record.write(out);
        }
        leader.send(new QuorumPacket(QuorumPacketType.REQUEST, -1, out.toByteArray(), ids));
    }

    @Override
    public long newSession(int timeoutMs) {
        long sessionId = sessions.createSession(timeoutMs, clock.monotonicMillis());
        forward(sessionId, 0, OpCode.CREATE_SESSION, new CreateSessionTxn(timeoutMs), List.of());
        return sessionId;
    }

    @Override
    public CompletionStage<Boolean> revalidate(long sessionId, int timeoutMs) {
        CompletableFuture<Boolean> answer = revalidations.computeIfAbsent(sessionId, id -> new CompletableFuture<>());
        JuteOutput out = new JuteOutput(16);
        out.writeLong(sessionId);
        out.writeInt(timeoutMs);
        leader.send(new QuorumPacket(QuorumPacketType.REVALIDATE, -1, out.toByteArray(), null));
        touched.put(sessionId, timeoutMs);
        return answer;
    }

    /** The leader's answer to a REVALIDATE. */
    void revalidated(long sessionId, boolean valid) {
        CompletableFuture<Boolean> answer = revalidations.remove(sessionId);
        if (answer != null) {
            answer.complete(valid);
        }
    }

    @Override
    public void write(long sessionId, int xid, int type, JuteRecord record, List<Id> ids) {
        forward(sessionId, xid, type, record, ids);
    }

    @Override
    public CompletionStage<Void> sync(long sessionId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        syncs.add(done);
        forward(sessionId, 0, OpCode.SYNC, null, List.of());
        return done;
    }

    /** The leader's SYNC: it answers the oldest forwarded sync. */
    void synced() {
        CompletableFuture<Void> done = syncs.poll();
        if (done != null) {
            done.complete(null);
        }
    }

    @Override
    public void touch(long sessionId) {
        int timeout = sessions.timeoutOf(sessionId);
        touched.put(sessionId, timeout > 0 ? timeout : touched.getOrDefault(sessionId, 0));
    }

    /** The touches to report in the answer to the leader's PING: {@code long sessionId, int timeout} each. */
    byte[] drainTouches() {
        JuteOutput out = new JuteOutput(16 * touched.size() + 16);
        touched.forEach((id, timeout) -> {
            out.writeLong(id);
            out.writeInt(timeout);
        });
        touched.clear();
        return out.toByteArray();
    }

    @Override
    public void applied(Transaction txn) {
        long sessionId = txn.header().clientId();
        if (txn.header().type() == OpCode.CREATE_SESSION) {
            sessions.addSession(sessionId, ((CreateSessionTxn) txn.record()).timeOut(), clock.monotonicMillis());
        } else if (txn.header().type() == OpCode.CLOSE_SESSION) {
            sessions.removeSession(sessionId);
        }
    }

    @Override
    public void tick() {
    }

    @Override
    public long nextTickMs() {
        return clock.monotonicMillis() + tickMillis;
    }
}
