package org.zkplatform.zab.quorum;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.election.Election;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.Vote;
import org.zkplatform.zab.admin.PeerFacts;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.server.DriverTarget;
import org.zkplatform.zab.server.Inspection;
import org.zkplatform.zab.server.NotServing;
import org.zkplatform.zab.server.ServerCore;

/**
 * A quorum peer's driver: LOOKING until election decides, then the role it decided (leading,
 * following, observing) until that role fails, then LOOKING again. Clients are served by the
 * role's core when it has one and turned away otherwise.
 */
final class QuorumTarget implements DriverTarget {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumTarget.class);

    private final PeerContext ctx;
    private final Election election;
    private final PeerStatus status;
    private final NotServing notServing;
    private final Runnable onTick;
    private Phase phase;
    private long round;
    /** When this server started looking, in monotonic nanos; for the election time metric. */
    private long lookingSinceNanos;
    private boolean closed;

    /** @param onTick extra periodic work (closing connections that never start a session) */
    QuorumTarget(PeerContext ctx, Election election, PeerStatus status, Runnable onTick) {
        this.ctx = ctx;
        this.election = election;
        this.status = status;
        this.notServing = new NotServing(ctx.coreSettings.fourLetterWords());
        this.onTick = onTick;
    }

    /** Enters LOOKING for the first time; called on the driver thread. */
    void start() {
        lookForLeader();
    }

    private void lookForLeader() {
        status.set(PeerState.LOOKING, status.currentVote());
        lookingSinceNanos = ctx.clock.nanoTime();
        long thisRound = ++round;
        LOG.info("LOOKING for a leader (election {}), last zxid 0x{}, epoch {}", thisRound,
                Long.toHexString(ctx.tree.lastProcessedZxid()), ctx.currentEpoch());
        election.lookForLeader().whenComplete((vote, error) -> {
            if (error == null) {
                ctx.driver.accept(new QuorumEvent.Elected(thisRound, vote));
            }
        });
    }

    @Override
    public void handle(CoreEvent event) {
        if (event instanceof QuorumEvent.Elected) {
            QuorumEvent.Elected elected = (QuorumEvent.Elected) event;
            if (elected.round() == round && phase == null && !closed) {
                take(elected.vote());
            }
        } else if (event instanceof CoreEvent.LogFailed) {
            throw new IllegalStateException("the transaction log failed", ((CoreEvent.LogFailed) event).cause());
        } else if (event instanceof QuorumEvent || event instanceof CoreEvent.Durable) {
            if (phase != null) {
                try {
                    phase.handle(event);
                } catch (PhaseFailed e) {
                    fail(e);
                }
            } else if (event instanceof QuorumEvent.Opened) {
                ((QuorumEvent.Opened) event).link().close();
            }
        } else {
            ServerCore core = phase == null ? null : phase.core();
            if (core != null) {
                core.handle(event);
            } else {
                notServing.handle(event);
            }
        }
    }

    private void take(Vote vote) {
        PeerState role = vote.state();
        if (role == PeerState.LOOKING) {
            LOG.warn("Election ended without a role; looking again");
            lookForLeader();
            return;
        }
        status.set(role, vote);
        ctx.metrics.electionEnded(ctx.clock.nanoTime() - lookingSinceNanos);
        try {
            phase = role == PeerState.LEADING ? new LeaderPhase(ctx)
                    : LearnerPhase.start(ctx, vote.leader(), role == PeerState.OBSERVING);
        } catch (PhaseFailed e) {
            fail(e);
        }
    }

    private void fail(PhaseFailed failure) {
        LOG.warn("{} ended: {}; looking for a leader again", status.state(), failure.getMessage());
        if (phase != null) {
            phase.close();
            phase = null;
        }
        if (!closed) {
            lookForLeader();
        }
    }

    @Override
    public void flush() {
        ServerCore core = phase == null ? null : phase.core();
        if (core != null) {
            core.flush();
        }
    }

    @Override
    public void tick() {
        if (phase != null) {
            try {
                phase.tick();
            } catch (PhaseFailed e) {
                fail(e);
            }
        }
        onTick.run();
    }

    @Override
    public long nextTickMs() {
        return phase != null ? phase.nextTickMs() : ctx.clock.monotonicMillis() + ctx.tickMillis;
    }

    /** What commands may read now; on the driver thread. */
    Inspection inspection(long uptimeMillis) {
        ServerCore core = phase == null ? null : phase.core();
        String reason = phase == null ? "looking for a leader (election " + round + ")" : phase.notServingReason();
        return new Inspection(core, ctx.tree, serverState(), peerFacts(), ctx.metrics, reason, uptimeMillis);
    }

    /** The mode as srvr and mntr name it. */
    private String serverState() {
        return switch (status.state()) {
            case LEADING -> "leader";
            case FOLLOWING -> "follower";
            case OBSERVING -> "observer";
            case LOOKING -> "looking";
        };
    }

    private PeerFacts peerFacts() {
        PeerState state = status.state();
        long leader = state == PeerState.LOOKING ? -1 : status.currentVote().leader();
        String leaderAddress = "";
        if (leader >= 0) {
            InetSocketAddress address = ctx.server(leader).quorumAddress();
            leaderAddress = address.getHostString() + ":" + address.getPort();
        }
        SortedMap<Long, String> view = new TreeMap<>();
        for (QuorumServer server : ctx.servers) {
            view.put(server.id().value(), server.quorumAddress().getHostString() + ":" + server.quorumAddress().getPort()
                    + ":" + server.electionAddress().getPort() + ":" + (server.isParticipant() ? "participant" : "observer"));
        }
        return new PeerFacts(state.name().toLowerCase(Locale.ROOT), leader, leaderAddress, view,
                ctx.quorum.votingMembers().size(), phase == null ? List.of() : phase.learners());
    }

    /** Ends the role at shutdown; on the driver thread. */
    void close() {
        closed = true;
        if (phase != null) {
            phase.close();
            phase = null;
        }
    }
}
