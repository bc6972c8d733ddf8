package org.zkplatform.zab.quorum;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.auth.Id;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.zab.auth.Authenticators;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.LearnerInfo;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.proto.QuorumPacketType;
import org.zkplatform.zab.request.RequestPrep;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.server.AclAccess;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.server.LocalWritePath;
import org.zkplatform.zab.server.RequestDecoder;
import org.zkplatform.zab.server.ServerCore;
import org.zkplatform.zab.admin.LearnerFacts;
import org.zkplatform.zab.server.TxnSink;
import org.zkplatform.zab.session.SessionTracker;
import org.zkplatform.zab.watch.WatchManager;

/**
 * Leading: discovery (a new epoch above every epoch a quorum accepted), sync (each learner brought
 * up to date, then NEWLEADER), broadcast (proposals committed once a quorum has them on disk).
 * Serving starts only when a quorum acknowledged NEWLEADER; leading ends when the quorum is lost.
 */
final class LeaderPhase implements Phase {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderPhase.class);

    private enum Stage { DISCOVERY, SYNC, BROADCAST }

    /** One connected learner. */
    private static final class Learner {
        final PeerLink link;
        long sid = Long.MIN_VALUE;
        boolean observer;
        boolean registered;
        boolean ackedEpoch;
        long lastZxid;
        boolean forwarding;
        boolean synced;
        long lastHeardMs;
        /** The newest proposal it acknowledged, for its lag. */
        long lastAckedZxid;

        Learner(PeerLink link, long now) {
            this.link = link;
            this.lastHeardMs = now;
        }
    }

    private final PeerContext ctx;
    private final Listener listener;
    private final Map<PeerLink, Learner> learners = new LinkedHashMap<>();
    private final Map<Long, Long> acceptedEpochs = new HashMap<>();
    private final Set<Long> epochAcks = new HashSet<>();
    private final Set<Long> newLeaderAcks = new HashSet<>();
    private final List<PendingSync> pendingSyncs = new ArrayList<>();
    private final ProposalTracker proposals;
    private Stage stage = Stage.DISCOVERY;
    private long newEpoch = -1;
    private long deadlineMs;
    private long lastPingMs;
    private LocalWritePath writes;
    private ServerCore core;

    private record PendingSync(long afterZxid, PeerLink link) {
    }

    LeaderPhase(PeerContext ctx) throws PhaseFailed {
        this.ctx = ctx;
        this.proposals = new ProposalTracker(ctx.quorum);
        try {
            this.listener = ctx.links.accept(ctx.quorumListenAddress(), ctx.initLimitMillis);
        } catch (TransportException e) {
            throw new PhaseFailed("cannot open the quorum port: " + e.getMessage());
        }
        acceptedEpochs.put(ctx.myId, ctx.acceptedEpoch());
        deadlineMs = now() + ctx.initLimitMillis;
        LOG.info("Leading: waiting for a quorum of followers on {}", listener.localAddress());
        maybeDecideEpoch();
    }

    private long now() {
        return ctx.clock.monotonicMillis();
    }

    @Override
    public ServerCore core() {
        return core;
    }

    @Override
    public String notServingReason() {
        return stage == Stage.DISCOVERY ? "leading: waiting for a quorum of followers to agree on an epoch"
                : "leading: waiting for a quorum of followers to sync";
    }

    /**
     * Each registered learner, with how many proposals behind its acknowledgements are; observers
     * acknowledge nothing, so theirs is 0.
     */
    @Override
    public List<LearnerFacts> learners() {
        long newest = Zxid.counterOf(proposals.lastProposed(ctx.tree.lastProcessedZxid()));
        List<LearnerFacts> facts = new ArrayList<>();
        for (Learner learner : learners.values()) {
            if (!learner.registered) {
                continue;
            }
            long lag = 0;
            if (learner.synced && !learner.observer) {
                long acked = Zxid.epochOf(learner.lastAckedZxid) == newEpoch ? Zxid.counterOf(learner.lastAckedZxid) : 0;
                lag = Math.max(0, newest - acked);
            }
            facts.add(new LearnerFacts(learner.sid, learner.observer, learner.synced, lag));
        }
        return facts;
    }

    @Override
    public void handle(CoreEvent event) throws PhaseFailed {
        if (event instanceof QuorumEvent.Opened) {
            PeerLink link = ((QuorumEvent.Opened) event).link();
            learners.put(link, new Learner(link, now()));
        } else if (event instanceof QuorumEvent.Packet) {
            QuorumEvent.Packet p = (QuorumEvent.Packet) event;
            Learner learner = learners.get(p.link());
            if (learner != null) {
                learner.lastHeardMs = now();
                packet(learner, p.packet());
            }
        } else if (event instanceof QuorumEvent.Gone) {
            QuorumEvent.Gone gone = (QuorumEvent.Gone) event;
            Learner learner = learners.remove(gone.link());
            if (learner != null) {
                LOG.info("Learner {} left: {}", learner.link, gone.reason());
                learner.link.close();
            }
        } else if (event instanceof CoreEvent.Durable) {
            commit(proposals.ack(ctx.myId, ((CoreEvent.Durable) event).zxid(), true));
        }
    }

    private void packet(Learner learner, QuorumPacket p) throws PhaseFailed {
        switch (p.type()) {
            case QuorumPacketType.FOLLOWERINFO:
            case QuorumPacketType.OBSERVERINFO:
                register(learner, p);
                break;
            case QuorumPacketType.ACKEPOCH:
                ackEpoch(learner, p);
                break;
            case QuorumPacketType.ACK:
                ack(learner, p.zxid());
                break;
            case QuorumPacketType.REQUEST:
                request(learner, p);
                break;
            case QuorumPacketType.PING:
                touches(p.data());
                break;
            case QuorumPacketType.REVALIDATE:
                revalidate(learner, p.data());
                break;
            default:
                LOG.warn("Dropping {}: unexpected packet type {}", learner.link, p.type());
                drop(learner);
        }
    }

    private void drop(Learner learner) {
        learners.remove(learner.link);
        learner.link.close();
    }

    // ------------------------------------------------------------------ discovery

    private void register(Learner learner, QuorumPacket p) throws PhaseFailed {
        LearnerInfo info;
        try {
            info = p.data() == null ? LearnerInfo.of(Long.MAX_VALUE, LearnerInfo.PROTOCOL_VERSION, 0)
                    : LearnerInfo.read(new JuteInput(p.data()));
        } catch (JuteException e) {
            LOG.warn("Dropping {}: unreadable learner info: {}", learner.link, e.getMessage());
            drop(learner);
            return;
        }
        learner.sid = info.serverId().orElse(Long.MAX_VALUE);
        learner.link.identify(learner.sid);
        learner.observer = p.type() == QuorumPacketType.OBSERVERINFO || ctx.isObserver(learner.sid);
        learner.registered = true;
        long acceptedEpoch = Zxid.epochOf(p.zxid());
        LOG.info("Learner {} registered with accepted epoch {}", learner.link, acceptedEpoch);
        if (newEpoch < 0) {
            if (!learner.observer && ctx.quorum.isVotingMember(learner.sid)) {
                acceptedEpochs.put(learner.sid, acceptedEpoch);
            }
            maybeDecideEpoch();
        } else {
            sendLeaderInfo(learner);
        }
    }

    private void maybeDecideEpoch() throws PhaseFailed {
        if (newEpoch >= 0 || !ctx.quorum.containsQuorum(acceptedEpochs.keySet())) {
            return;
        }
        newEpoch = acceptedEpochs.values().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        try {
            ctx.setAcceptedEpoch(newEpoch);
        } catch (StorageException e) {
            throw new PhaseFailed("cannot record accepted epoch " + newEpoch + ": " + e.getMessage());
        }
        epochAcks.add(ctx.myId);
        deadlineMs = now() + ctx.initLimitMillis;
        LOG.info("Proposing epoch {} to servers {}", newEpoch, acceptedEpochs.keySet());
        for (Learner learner : learners.values()) {
            if (learner.registered) {
                sendLeaderInfo(learner);
            }
        }
    }

    private void sendLeaderInfo(Learner learner) {
        ByteBuffer version = ByteBuffer.allocate(4).putInt(LearnerInfo.PROTOCOL_VERSION);
        learner.link.send(new QuorumPacket(QuorumPacketType.LEADERINFO, Zxid.make(newEpoch, 0), version.array(), null));
    }

    private void ackEpoch(Learner learner, QuorumPacket p) throws PhaseFailed {
        if (newEpoch < 0 || p.data() == null || p.data().length < 4) {
            LOG.warn("Dropping {}: ACKEPOCH out of turn", learner.link);
            drop(learner);
            return;
        }
        int learnerEpoch = ByteBuffer.wrap(p.data()).getInt();
        learner.lastZxid = p.zxid();
        if (learnerEpoch != -1) {
            boolean ahead = learnerEpoch > ctx.currentEpoch()
                    || learnerEpoch == ctx.currentEpoch() && p.zxid() > ctx.tree.lastProcessedZxid();
            if (ahead) {
                LOG.warn("Dropping {}: it is ahead of this leader (epoch {}, zxid {} against {}, {})", learner.link,
                        learnerEpoch, Zxid.toHex(p.zxid()), ctx.currentEpoch(), Zxid.toHex(ctx.tree.lastProcessedZxid()));
                drop(learner);
                return;
            }
            if (!learner.observer) {
                epochAcks.add(learner.sid);
            }
        }
        learner.ackedEpoch = true;
        if (stage == Stage.DISCOVERY) {
            if (ctx.quorum.containsQuorum(epochAcks)) {
                beginSync();
            }
        } else {
            sync(learner);
        }
    }

    // ------------------------------------------------------------------ sync

    private void beginSync() throws PhaseFailed {
        stage = Stage.SYNC;
        try {
            ctx.setCurrentEpoch(newEpoch);
        } catch (StorageException e) {
            throw new PhaseFailed("cannot record current epoch " + newEpoch + ": " + e.getMessage());
        }
        newLeaderAcks.add(ctx.myId);
        deadlineMs = now() + ctx.initLimitMillis;
        for (Learner learner : learners.values()) {
            if (learner.ackedEpoch) {
                sync(learner);
            }
        }
        maybeStartBroadcast();
    }

    /** Brings one learner up to date and starts forwarding proposals to it, in that order on its link. */
    private void sync(Learner learner) {
        SyncPlan plan = SyncPlan.decide(learner.lastZxid, ctx.tree.lastProcessedZxid(), ctx.committed);
        LOG.info("Syncing {} from zxid {} by {} to {} ({} txns)", learner.link, Zxid.toHex(learner.lastZxid),
                plan.kind(), Zxid.toHex(plan.zxid()), plan.txns().size());
        if (plan.kind() == SyncPlan.Kind.SNAP) {
            learner.link.sendSnapshot(ctx.tree, ctx.tree.lastProcessedZxid());
        } else {
            int type = plan.kind() == SyncPlan.Kind.DIFF ? QuorumPacketType.DIFF : QuorumPacketType.TRUNC;
            learner.link.send(new QuorumPacket(type, plan.zxid(), null, null));
            for (Transaction txn : plan.txns()) {
                learner.link.send(new QuorumPacket(QuorumPacketType.PROPOSAL, txn.zxid(), txn.encode(), null));
                learner.link.send(new QuorumPacket(QuorumPacketType.COMMIT, txn.zxid(), null, null));
            }
        }
        if (!learner.observer) {
            for (Transaction txn : proposals.outstanding()) {
                learner.link.send(new QuorumPacket(QuorumPacketType.PROPOSAL, txn.zxid(), txn.encode(), null));
            }
        }
        learner.link.send(new QuorumPacket(QuorumPacketType.NEWLEADER, Zxid.make(newEpoch, 0),
                ConfigText.of(ctx.servers), null));
        learner.forwarding = true;
    }

    private void ack(Learner learner, long zxid) throws PhaseFailed {
        if (Zxid.counterOf(zxid) == 0) {
            if (zxid == Zxid.make(newEpoch, 0) && !learner.synced && learner.forwarding) {
                learner.synced = true;
                learner.lastAckedZxid = Math.max(learner.lastAckedZxid, ctx.tree.lastProcessedZxid());
                learner.link.setReadTimeout(ctx.syncLimitMillis);
                if (!learner.observer) {
                    newLeaderAcks.add(learner.sid);
                }
                if (stage == Stage.BROADCAST) {
                    learner.link.send(new QuorumPacket(QuorumPacketType.UPTODATE, -1, null, null));
                } else {
                    maybeStartBroadcast();
                }
            }
            return;
        }
        if (!learner.observer && stage == Stage.BROADCAST) {
            learner.lastAckedZxid = Math.max(learner.lastAckedZxid, zxid);
            commit(proposals.ack(learner.sid, zxid, false));
        }
    }

    private void maybeStartBroadcast() {
        if (stage != Stage.SYNC || !ctx.quorum.containsQuorum(newLeaderAcks)) {
            return;
        }
        stage = Stage.BROADCAST;
        SessionTracker sessions = new SessionTracker(ctx.myId, now(), ctx.tickMillis);
        long now = now();
        ctx.tree.sessions().forEach((id, timeout) -> sessions.addSession(id, timeout, now));
        RequestPrep prep = new RequestPrep(ctx.tree, new AclAccess(ctx.authenticators), sessions::isActive,
                ctx.extendedTypes, ctx.clock);
        prep.setLastZxid(Zxid.make(newEpoch, 0));
        writes = new LocalWritePath("leader", ctx.tree, sessions, prep, new Proposer(), ctx.coreSettings, ctx.clock);
        core = new ServerCore(ctx.coreSettings, ctx.tree, new WatchManager(), writes,
                new Authenticators(ctx.authenticators), ctx.clock, ctx.metrics);
        List<Long> synced = new ArrayList<>(newLeaderAcks);
        for (Learner learner : learners.values()) {
            if (learner.synced) {
                learner.link.send(new QuorumPacket(QuorumPacketType.UPTODATE, -1, null, null));
            }
        }
        lastPingMs = now;
        LOG.info("Leading epoch {}: serving, with servers {} in sync", newEpoch, synced);
    }

    // ------------------------------------------------------------------ broadcast

    /** Proposes each txn to the followers as it is logged here. */
    private final class Proposer implements TxnSink {
        @Override
        public void submit(Transaction txn) {
            proposals.propose(txn);
            ctx.metrics.proposed();
            ctx.log.submit(txn);
            QuorumPacket proposal = new QuorumPacket(QuorumPacketType.PROPOSAL, txn.zxid(), txn.encode(), null);
            for (Learner learner : learners.values()) {
                if (learner.forwarding && !learner.observer) {
                    learner.link.send(proposal);
                }
            }
        }
    }

    private void commit(List<Transaction> committed) {
        for (Transaction txn : committed) {
            ctx.committed.add(txn);
            QuorumPacket commit = new QuorumPacket(QuorumPacketType.COMMIT, txn.zxid(), null, null);
            QuorumPacket inform = null;
            for (Learner learner : learners.values()) {
                if (!learner.forwarding) {
                    continue;
                }
                if (learner.observer) {
                    if (inform == null) {
                        inform = new QuorumPacket(QuorumPacketType.INFORM, txn.zxid(), txn.encode(), null);
                    }
                    learner.link.send(inform);
                } else {
                    learner.link.send(commit);
                }
            }
            for (Transaction applied : writes.committedUpTo(txn.zxid())) {
                core.applyCommitted(applied);
            }
            answerSyncs(txn.zxid());
        }
    }

    private void answerSyncs(long committedZxid) {
        pendingSyncs.removeIf(sync -> {
            if (sync.afterZxid() <= committedZxid) {
                sync.link().send(new QuorumPacket(QuorumPacketType.SYNC, 0, null, null));
                return true;
            }
            return false;
        });
    }

    private void request(Learner learner, QuorumPacket p) {
        if (stage != Stage.BROADCAST || p.data() == null || p.data().length < 16) {
            LOG.warn("Dropping a request from {}: {}", learner.link, stage != Stage.BROADCAST ? "not serving yet" : "too short");
            return;
        }
        ByteBuffer head = ByteBuffer.wrap(p.data());
        long sessionId = head.getLong();
        int cxid = head.getInt();
        int type = head.getInt();
        if (type == OpCode.SYNC) {
            long last = proposals.lastProposed(-1);
            if (last < 0) {
                learner.link.send(new QuorumPacket(QuorumPacketType.SYNC, 0, null, null));
            } else {
                pendingSyncs.add(new PendingSync(last, learner.link));
            }
            return;
        }
        JuteRecord record = null;
        try {
            JuteInput in = new JuteInput(ByteBuffer.wrap(p.data(), 16, p.data().length - 16), ctx.maxFieldBytes);
            record = type == OpCode.CREATE_SESSION ? CreateSessionTxn.read(in) : RequestDecoder.read(type, in);
        } catch (JuteException e) {
            LOG.debug("Malformed request {} of session 0x{} from {}: {}", cxid, Long.toHexString(sessionId),
                    learner.link, e.getMessage());
        }
        List<Id> ids = p.authinfo() == null ? List.of() : p.authinfo();
        writes.write(sessionId, cxid, type, record, ids);
    }

    private void touches(byte[] data) {
        if (writes == null || data == null) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        while (in.remaining() >= 12) {
            long sessionId = in.getLong();
            in.getInt();
            writes.touch(sessionId);
        }
    }

    private void revalidate(Learner learner, byte[] data) {
        if (writes == null || data == null || data.length < 12) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        long sessionId = in.getLong();
        boolean valid = writes.sessions().touch(sessionId, now());
        JuteOutput out = new JuteOutput(9);
        out.writeLong(sessionId);
        out.writeBoolean(valid);
        learner.link.send(new QuorumPacket(QuorumPacketType.REVALIDATE, -1, out.toByteArray(), null));
    }

    // ------------------------------------------------------------------ time

    @Override
    public void tick() throws PhaseFailed {
        long now = now();
        if (stage != Stage.BROADCAST) {
            if (now > deadlineMs) {
                throw new PhaseFailed(stage == Stage.DISCOVERY
                        ? "timeout while waiting for epoch from quorum (have " + acceptedEpochs.keySet() + ", acks "
                                + epochAcks + ")"
                        : "timeout while waiting for a quorum to sync (have " + newLeaderAcks + ")");
            }
            return;
        }
        writes.tick();
        Set<Long> inTouch = new HashSet<>();
        inTouch.add(ctx.myId);
        for (Learner learner : new ArrayList<>(learners.values())) {
            // A learner that is still syncing says nothing until it acknowledges NEWLEADER (ZooKeeper's
            // leaves pings unanswered until then), and loading a large snapshot takes a while:
            // like ZooKeeper's leader, allow it initLimit, and syncLimit once in sync.
            long silenceLimit = learner.synced ? ctx.syncLimitMillis : ctx.initLimitMillis;
            if (now - learner.lastHeardMs > silenceLimit) {
                LOG.warn("Dropping {}: nothing heard for {} ms", learner.link, now - learner.lastHeardMs);
                drop(learner);
            } else if (learner.synced && !learner.observer) {
                inTouch.add(learner.sid);
            }
        }
        if (!ctx.quorum.containsQuorum(inTouch)) {
            throw new PhaseFailed("lost the quorum: only servers " + inTouch + " are in touch");
        }
        if (now - lastPingMs >= ctx.tickMillis / 2) {
            lastPingMs = now;
            QuorumPacket ping = new QuorumPacket(QuorumPacketType.PING, proposals.lastProposed(
                    ctx.tree.lastProcessedZxid()), null, null);
            for (Learner learner : learners.values()) {
                if (learner.forwarding) {
                    learner.link.send(ping);
                }
            }
        }
    }

    @Override
    public long nextTickMs() {
        long next = now() + Math.max(1, ctx.tickMillis / 2);
        return writes == null ? next : Math.min(next, writes.nextTickMs());
    }

    @Override
    public void close() {
        listener.close();
        for (Learner learner : learners.values()) {
            learner.link.close();
        }
        learners.clear();
        if (core != null) {
            core.closeAll();
            core.flush();
        }
        List<Transaction> logged = proposals.outstanding();
        try {
            ctx.fastForward(logged);
        } catch (PhaseFailed e) {
            LOG.warn("Could not apply the {} txns logged but not committed: {}", logged.size(), e.getMessage());
        }
    }
}
