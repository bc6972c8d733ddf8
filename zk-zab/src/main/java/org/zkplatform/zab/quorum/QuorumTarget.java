package org.zkplatform.zab.quorum;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.election.Election;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.Vote;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.server.DriverTarget;
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

    /** Ends the role at shutdown; on the driver thread. */
    void close() {
        closed = true;
        if (phase != null) {
            phase.close();
            phase = null;
        }
    }
}
