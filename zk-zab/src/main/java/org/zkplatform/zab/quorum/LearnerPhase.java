package org.zkplatform.zab.quorum;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.zab.auth.Authenticators;
import org.zkplatform.zab.persistence.DatabaseLoader;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.LearnerInfo;
import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.proto.QuorumPacketType;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.server.ServerCore;
import org.zkplatform.zab.session.SessionTracker;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.TreeListener;
import org.zkplatform.zab.watch.WatchManager;

/**
 * Following or observing: register with the leader, take the epoch it proposes, sync (DIFF, TRUNC
 * or SNAP, then NEWLEADER), serve once UPTODATE comes, then log proposals, acknowledge them once
 * durable (followers) and apply commits in order. Any break in that sends the peer back to LOOKING.
 */
final class LearnerPhase implements Phase {

    private static final Logger LOG = LoggerFactory.getLogger(LearnerPhase.class);
    /** Tries of the leader's port: with the growing pause, about five seconds, as ZooKeeper's learner waits. */
    static final int CONNECT_ATTEMPTS = 10;

    private enum Stage { CONNECTING, REGISTERED, SYNCING, SYNCED, SERVING }

    private final PeerContext ctx;
    private final long leaderId;
    private final boolean observer;
    private final LeaderDialer dialer;
    private PeerLink link;
    private Stage stage = Stage.CONNECTING;
    private long newEpoch = -1;
    private SyncPlan.Kind syncKind;
    /** Proposals logged here and not yet committed, in zxid order. */
    private final Deque<Transaction> uncommitted = new ArrayDeque<>();
    /** Zxids of proposals logged here and not yet acknowledged to the leader. */
    private final Deque<Long> unacked = new ArrayDeque<>();
    /** The highest zxid known to be on disk here; proposals up to it are acknowledged once serving. */
    private long durableZxid = -1;
    private LearnerWritePath writes;
    private ServerCore core;

    /** Follows (or observes) {@code leaderId}, connecting to its quorum port. */
    static LearnerPhase start(PeerContext ctx, long leaderId, boolean observer) {
        InetSocketAddress address = ctx.quorumAddress(leaderId);
        LOG.info("{} server {} at {}", observer ? "Observing" : "Following", leaderId, address);
        LeaderDialer dialer = ctx.links.dial(address, CONNECT_ATTEMPTS, Duration.ofMillis(ctx.initLimitMillis));
        return new LearnerPhase(ctx, leaderId, observer, dialer);
    }

    /** @param dialer reports the link to the leader as a {@link QuorumEvent.Opened} */
    LearnerPhase(PeerContext ctx, long leaderId, boolean observer, LeaderDialer dialer) {
        this.ctx = ctx;
        this.leaderId = leaderId;
        this.observer = observer;
        this.dialer = dialer;
    }

    @Override
    public ServerCore core() {
        return core;
    }

    @Override
    public String notServingReason() {
        return (observer ? "observing" : "following") + " server " + leaderId + ": syncing with it";
    }

    private String role() {
        return observer ? "observer" : "follower";
    }

    @Override
    public void handle(CoreEvent event) throws PhaseFailed {
        if (event instanceof QuorumEvent.Opened) {
            opened(((QuorumEvent.Opened) event).link());
        } else if (event instanceof QuorumEvent.Unreachable) {
            if (((QuorumEvent.Unreachable) event).dialer() == dialer) {
                throw new PhaseFailed(((QuorumEvent.Unreachable) event).reason());
            }
        } else if (event instanceof QuorumEvent.Packet) {
            QuorumEvent.Packet p = (QuorumEvent.Packet) event;
            if (p.link() == link) {
                packet(p.packet());
            }
        } else if (event instanceof QuorumEvent.Snapshot) {
            QuorumEvent.Snapshot snap = (QuorumEvent.Snapshot) event;
            if (snap.link() == link) {
                snapshot(snap.zxid(), snap.tree());
            }
        } else if (event instanceof QuorumEvent.Gone) {
            PeerLink gone = ((QuorumEvent.Gone) event).link();
            // The link can die before this phase hears it opened (its reader posts Gone before the dialer posts
            // Opened): then no read is left to time out, and waiting for the leader would be waiting for ever.
            if (gone == link || link == null && dialer.made(gone)) {
                throw new PhaseFailed("lost the leader: " + ((QuorumEvent.Gone) event).reason());
            }
        } else if (event instanceof CoreEvent.Durable) {
            durable(((CoreEvent.Durable) event).zxid());
        }
    }

    private void opened(PeerLink opened) {
        if (stage != Stage.CONNECTING || !dialer.made(opened)) {
            opened.close();
            return;
        }
        link = opened;
        link.identify(leaderId);
        link.setReadTimeout(ctx.initLimitMillis);
        byte[] info = LearnerInfo.of(ctx.myId, LearnerInfo.PROTOCOL_VERSION, 0).toByteArray();
        int type = observer ? QuorumPacketType.OBSERVERINFO : QuorumPacketType.FOLLOWERINFO;
        link.send(new QuorumPacket(type, Zxid.make(ctx.acceptedEpoch(), 0), info, null));
        stage = Stage.REGISTERED;
    }

    private void packet(QuorumPacket p) throws PhaseFailed {
        switch (p.type()) {
            case QuorumPacketType.LEADERINFO:
                leaderInfo(p);
                break;
            case QuorumPacketType.DIFF:
                expect(Stage.SYNCING, p);
                syncKind = SyncPlan.Kind.DIFF;
                break;
            case QuorumPacketType.TRUNC:
                expect(Stage.SYNCING, p);
                truncate(p.zxid());
                break;
            case QuorumPacketType.PROPOSAL:
                proposal(p);
                break;
            case QuorumPacketType.COMMIT:
                commit(p.zxid());
                break;
            case QuorumPacketType.INFORM:
                inform(p);
                break;
            case QuorumPacketType.NEWLEADER:
                newLeader(p);
                break;
            case QuorumPacketType.UPTODATE:
                upToDate();
                break;
            case QuorumPacketType.PING:
                ping(p);
                break;
            case QuorumPacketType.SYNC:
                if (writes != null) {
                    writes.synced();
                }
                break;
            case QuorumPacketType.REVALIDATE:
                revalidated(p.data());
                break;
            default:
                throw new PhaseFailed("unexpected packet type " + p.type() + " from the leader");
        }
    }

    private void expect(Stage expected, QuorumPacket p) throws PhaseFailed {
        if (stage != expected) {
            throw new PhaseFailed("the leader sent packet type " + p.type() + " while this " + role() + " was "
                    + stage.name().toLowerCase());
        }
    }

    // ------------------------------------------------------------------ discovery

    private void leaderInfo(QuorumPacket p) throws PhaseFailed {
        expect(Stage.REGISTERED, p);
        long epoch = Zxid.epochOf(p.zxid());
        long accepted = ctx.acceptedEpoch();
        int answer;
        if (epoch > accepted) {
            try {
                ctx.setAcceptedEpoch(epoch);
            } catch (StorageException e) {
                throw new PhaseFailed("cannot record accepted epoch " + epoch + ": " + e.getMessage());
            }
            answer = (int) ctx.currentEpoch();
        } else if (epoch == accepted) {
            // Already acknowledged this epoch (to this leader, before a reconnect): do not count twice.
            answer = -1;
        } else {
            throw new PhaseFailed("the leader's epoch " + epoch + " is below the epoch " + accepted
                    + " this server already accepted");
        }
        newEpoch = epoch;
        ByteBuffer data = ByteBuffer.allocate(4).putInt(answer);
        link.send(new QuorumPacket(QuorumPacketType.ACKEPOCH, ctx.tree.lastProcessedZxid(), data.array(), null));
        stage = Stage.SYNCING;
    }

    // ------------------------------------------------------------------ sync

    /** TRUNC: this server logged txns the ensemble abandoned; cut them off and rebuild the tree. */
    private void truncate(long zxid) throws PhaseFailed {
        syncKind = SyncPlan.Kind.TRUNC;
        LOG.warn("Cutting the txn log back to zxid {} as the leader asks: the txns after it were never committed",
                Zxid.toHex(zxid));
        ctx.runOnLog("cut the txn log back to " + Zxid.toHex(zxid), () -> {
            ctx.storage.txnLog().truncateAfter(zxid);
            ctx.storage.snapshots().deleteNewerThan(zxid);
        });
        CommittedLog rebuilt = ctx.committed;
        rebuilt.clear();
        try {
            ctx.tree = DatabaseLoader.load(ctx.storage, ctx.maxFieldBytes, zxid, rebuilt::add);
        } catch (StorageException e) {
            throw new PhaseFailed("cannot reload the database after cutting the log: " + e.getMessage());
        }
        if (ctx.tree.lastProcessedZxid() != zxid) {
            throw new PhaseFailed("after cutting the log back to " + Zxid.toHex(zxid) + " the database ends at "
                    + Zxid.toHex(ctx.tree.lastProcessedZxid()));
        }
    }

    /**
     * SNAP: the leader's whole tree. It is saved as a snapshot before anything else is logged, and
     * the log is cut back to it, so a restart never mixes it with txns of another history.
     */
    private void snapshot(long zxid, DataTree tree) throws PhaseFailed {
        if (stage != Stage.SYNCING) {
            throw new PhaseFailed("the leader sent a snapshot while this " + role() + " was "
                    + stage.name().toLowerCase());
        }
        syncKind = SyncPlan.Kind.SNAP;
        LOG.info("Received the leader's tree as of zxid {}: {} nodes", Zxid.toHex(zxid), tree.nodeCount());
        ctx.runOnLog("cut the txn log back to " + Zxid.toHex(zxid), () -> {
            ctx.storage.txnLog().truncateAfter(zxid);
            ctx.storage.snapshots().deleteNewerThan(zxid);
        });
        ctx.tree = tree;
        ctx.committed.clear();
        try {
            ctx.snapshotter.snapshotNow();
        } catch (StorageException e) {
            throw new PhaseFailed("cannot save the leader's tree: " + e.getMessage());
        }
    }

    /**
     * A proposal: logged, and acknowledged once durable (by a follower). An observer gets them
     * only while it syncs: a DIFF's committed txns come as PROPOSAL and COMMIT to every learner,
     * from ZooKeeper's leader as from ours; once serving, it gets INFORM instead.
     */
    private void proposal(QuorumPacket p) throws PhaseFailed {
        if (stage.compareTo(Stage.SYNCING) < 0 || syncKind == null || observer && stage == Stage.SERVING) {
            throw new PhaseFailed("the leader sent a proposal out of turn");
        }
        Transaction txn = decode(p);
        Transaction last = uncommitted.peekLast();
        if (last != null && txn.zxid() <= last.zxid()) {
            throw new PhaseFailed("proposal " + Zxid.toHex(txn.zxid()) + " does not follow " + Zxid.toHex(last.zxid()));
        }
        uncommitted.addLast(txn);
        unacked.addLast(txn.zxid());
        ctx.log.submit(txn);
    }

    private Transaction decode(QuorumPacket p) throws PhaseFailed {
        try {
            return PacketIO.txn(p, ctx.maxFieldBytes);
        } catch (JuteException e) {
            throw new PhaseFailed("the leader sent an undecodable txn: " + e.getMessage());
        }
    }

    private void commit(long zxid) throws PhaseFailed {
        Transaction head = uncommitted.peekFirst();
        if (head == null || head.zxid() != zxid) {
            throw new PhaseFailed("the leader commits " + Zxid.toHex(zxid) + " but the next proposal here is "
                    + (head == null ? "none" : Zxid.toHex(head.zxid())));
        }
        uncommitted.pollFirst();
        apply(head);
    }

    /** An observer's txn: logged and applied at once, since the leader sends only committed ones. */
    private void inform(QuorumPacket p) throws PhaseFailed {
        if (!observer || stage.compareTo(Stage.SYNCING) < 0) {
            throw new PhaseFailed("the leader sent INFORM to a " + role());
        }
        Transaction txn = decode(p);
        ctx.log.submit(txn);
        apply(txn);
    }

    private void apply(Transaction txn) {
        if (core != null) {
            core.applyCommitted(txn);
        } else if (txn.zxid() > ctx.tree.lastProcessedZxid()) {
            ctx.tree.apply(txn.header(), txn.record(), TreeListener.NONE);
        }
        ctx.committed.add(txn);
    }

    private void newLeader(QuorumPacket p) throws PhaseFailed {
        if (stage != Stage.SYNCING || syncKind == null || Zxid.epochOf(p.zxid()) != newEpoch) {
            throw new PhaseFailed("NEWLEADER for epoch " + Zxid.epochOf(p.zxid()) + " out of turn");
        }
        // Everything the leader sent before NEWLEADER must be on disk before this server says it has it.
        ctx.runOnLog("make the synced txns durable", () -> { });
        try {
            ctx.setCurrentEpoch(newEpoch);
        } catch (StorageException e) {
            throw new PhaseFailed("cannot record current epoch " + newEpoch + ": " + e.getMessage());
        }
        stage = Stage.SYNCED;
        link.send(new QuorumPacket(QuorumPacketType.ACK, Zxid.make(newEpoch, 0), null, null));
    }

    private void upToDate() throws PhaseFailed {
        if (stage == Stage.SERVING) {
            return;
        }
        if (stage != Stage.SYNCED) {
            throw new PhaseFailed("UPTODATE before NEWLEADER");
        }
        long now = ctx.clock.monotonicMillis();
        SessionTracker sessions = new SessionTracker(ctx.myId, now, ctx.tickMillis);
        ctx.tree.sessions().forEach((id, timeout) -> sessions.addSession(id, timeout, now));
        writes = new LearnerWritePath(role(), sessions, link, ctx.clock, ctx.tickMillis);
        core = new ServerCore(ctx.coreSettings, ctx.tree, new WatchManager(), writes,
                new Authenticators(ctx.authenticators), ctx.clock, ctx.metrics);
        link.setReadTimeout(ctx.syncLimitMillis);
        link.send(new QuorumPacket(QuorumPacketType.ACK, Zxid.make(newEpoch, 0), null, null));
        stage = Stage.SERVING;
        sendAcks();
        LOG.info("{} server {} in epoch {} after a {} sync: serving clients at zxid {}",
                observer ? "Observing" : "Following", leaderId, newEpoch, syncKind, Zxid.toHex(ctx.tree.lastProcessedZxid()));
    }

    private void revalidated(byte[] data) throws PhaseFailed {
        if (data == null || data.length < 9) {
            throw new PhaseFailed("the leader sent a short REVALIDATE answer");
        }
        try {
            JuteInput in = new JuteInput(data);
            long sessionId = in.readLong();
            boolean valid = in.readBoolean();
            if (writes != null) {
                writes.revalidated(sessionId, valid);
            }
        } catch (JuteException e) {
            throw new PhaseFailed("the leader sent an unreadable REVALIDATE answer: " + e.getMessage());
        }
    }

    /**
     * Answers the leader's PING with the sessions touched since the last one, and only once
     * serving: ZooKeeper's learner leaves pings unanswered while it syncs, and ZooKeeper's leader
     * drops a learner whose first packet after NEWLEADER is not the ACK of it. Its leader reads the
     * answer's data as a touch table without a null check, so none touched is an empty table.
     */
    private void ping(QuorumPacket p) {
        if (stage == Stage.SERVING) {
            link.send(new QuorumPacket(QuorumPacketType.PING, p.zxid(), writes.drainTouches(), null));
        }
    }

    /** Proposals up to {@code zxid} are on disk here. */
    private void durable(long zxid) {
        durableZxid = Math.max(durableZxid, zxid);
        if (stage == Stage.SERVING) {
            sendAcks();
        }
    }

    /**
     * Tells the leader which proposals are on disk, one ACK each, as ZooKeeper does. Not before
     * UPTODATE is acknowledged: ZooKeeper's leader takes the first packet after NEWLEADER for the
     * ACK of it (an ACK of a synced proposal there would not count, and it would wait for a quorum
     * in vain), so ZooKeeper's learner acknowledges the proposals of the sync only once serving.
     */
    private void sendAcks() {
        while (!unacked.isEmpty() && unacked.peekFirst() <= durableZxid) {
            long acked = unacked.pollFirst();
            if (!observer && link != null) {
                link.send(new QuorumPacket(QuorumPacketType.ACK, acked, null, null));
            }
        }
    }

    // ------------------------------------------------------------------ time and end

    @Override
    public void tick() {
        if (writes != null) {
            writes.tick();
        }
    }

    @Override
    public long nextTickMs() {
        return writes != null ? writes.nextTickMs() : ctx.clock.monotonicMillis() + ctx.tickMillis;
    }

    @Override
    public void close() {
        dialer.close();
        if (link != null) {
            link.close();
        }
        if (core != null) {
            core.closeAll();
            core.flush();
        }
        List<Transaction> logged = new ArrayList<>(uncommitted);
        uncommitted.clear();
        try {
            ctx.fastForward(logged);
        } catch (PhaseFailed e) {
            LOG.warn("Could not apply the {} txns logged but not committed: {}", logged.size(), e.getMessage());
        }
    }
}
