package org.zkplatform.election.fle;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.election.ElectionException;
import org.zkplatform.api.election.LocalPeer;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.Vote;
import org.zkplatform.api.time.Cancellable;
import org.zkplatform.api.time.Scheduler;
import org.zkplatform.election.fle.DriverInbox.InboundMessage;
import org.zkplatform.election.fle.DriverInbox.Input;
import org.zkplatform.election.fle.DriverInbox.StartRound;
import org.zkplatform.election.fle.DriverInbox.Stop;
import org.zkplatform.election.fle.DriverInbox.Tick;
import org.zkplatform.election.fle.ElectionActions.Decision;
import org.zkplatform.election.fle.ElectionActions.Outgoing;
import org.zkplatform.election.fle.ElectionEvent.LocalView;
import org.zkplatform.election.fle.NotificationCodec.Decoded;

/**
 * The one driver of an {@link ElectionCore}: it takes messages, round starts and timer ticks from
 * the {@link DriverInbox}, feeds them to the core, and performs the actions (sends through the
 * connection manager, completion of the round). It runs from the election's start to its close,
 * so peers are answered between rounds too.
 *
 * <p>It runs in passes on an executor that runs one task at a time (the election's scheduler
 * thread, in production); each offer to the inbox queues a pass unless one is queued already. So
 * the core is only ever touched by one task at a time, and never waits.
 */
final class ElectionDriver {

    private static final Logger LOG = LoggerFactory.getLogger(ElectionDriver.class);
    /** Inputs handled per pass before the executor gets its thread back for other tasks. */
    private static final int PASS_MAX = 256;

    private final long myId;
    private final ElectionCore core;
    private final DriverInbox inbox;
    private final QuorumConnectionManager manager;
    private final LocalPeer localPeer;
    private final Scheduler scheduler;
    private final byte[] config;
    private final Executor executor;
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean stopped;

    /** The round under way; set by the driver's passes, failed by {@link #stop()} from any thread. */
    private volatile CompletableFuture<Vote> round;

    // Touched by the driver's passes only.
    private Cancellable wakeup;
    private long wakeupAtMillis = Long.MIN_VALUE;
    private boolean configIgnoredLogged;
    private long droppedReported;
    private Notification lastEncoded;
    private byte[] lastEncodedBytes;

    /** The logical clock after the last event, for observers on other threads. */
    private volatile long logicalClock;

    /** @param executor runs the driver's passes, one at a time */
    ElectionDriver(long myId, ElectionCore core, DriverInbox inbox, QuorumConnectionManager manager, LocalPeer localPeer,
                   Scheduler scheduler, byte[] config, Executor executor) {
        this.myId = myId;
        this.core = Objects.requireNonNull(core, "core is null");
        this.inbox = Objects.requireNonNull(inbox, "inbox is null");
        this.manager = Objects.requireNonNull(manager, "manager is null");
        this.localPeer = Objects.requireNonNull(localPeer, "localPeer is null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler is null");
        this.config = config.clone();
        this.executor = Objects.requireNonNull(executor, "executor is null");
        inbox.onReady(this::queuePass);
    }

    void start() {
        started = true;
        queuePass();
    }

    /**
     * Stops the driver at its next pass, and fails the round under way and any round asked for, at
     * once: the executor may never run again (the election's scheduler closes with it). Never waits.
     */
    void stop() {
        inbox.offerCommand(new Stop());
        ElectionException closed = new ElectionException("the election was closed before a leader was elected");
        CompletableFuture<Vote> current = round;
        if (current != null) {
            current.completeExceptionally(closed);
        }
        inbox.failPendingRounds(closed);
    }

    long logicalClock() {
        return logicalClock;
    }

    private void queuePass() {
        if (started && !stopped && passQueued.compareAndSet(false, true)) {
            executor.execute(this::pass);
        }
    }

    /** Handles what waits in the inbox, up to {@link #PASS_MAX} inputs, then queues another pass if more wait. */
    private void pass() {
        passQueued.set(false);
        if (stopped) {
            return;
        }
        for (int handled = 0; handled < PASS_MAX; handled++) {
            Input input = inbox.poll();
            if (input == null) {
                return;
            }
            if (input instanceof Stop) {
                finish();
                return;
            }
            try {
                handle(input);
            } catch (RuntimeException e) {
                LOG.error("The election of server {} failed to handle {}; going on", myId, input.getClass().getSimpleName(), e);
            }
            logicalClock = core.logicalClock();
            armWakeup();
        }
        queuePass();
    }

    private void finish() {
        stopped = true;
        if (wakeup != null) {
            wakeup.cancel();
        }
        if (round != null && !round.isDone()) {
            round.completeExceptionally(new ElectionException("the election was closed before a leader was elected"));
        }
    }

    private void handle(Input input) {
        long now = scheduler.clock().monotonicMillis();
        if (input instanceof InboundMessage message) {
            received(now, message);
        } else if (input instanceof StartRound start) {
            startRound(now, start.result());
        } else if (input instanceof Tick) {
            wakeupAtMillis = Long.MIN_VALUE;
            perform(core.step(new ElectionEvent.Timeout(now, manager.haveDelivered())));
        }
    }

    private void startRound(long now, CompletableFuture<Vote> result) {
        if (round != null && !round.isDone()) {
            result.completeExceptionally(new IllegalStateException("an election round is already running"));
            return;
        }
        round = result;
        long zxid = localPeer.lastLoggedZxid();
        long epoch = localPeer.currentEpoch();
        ElectionActions actions = core.step(new ElectionEvent.StartLooking(now, zxid, epoch));
        Vote proposal = core.proposal();
        if (proposal.leader() == Long.MIN_VALUE) {
            LOG.info("Looking for a leader: round 0x{}, server {} observes and proposes nobody", Long.toHexString(core.logicalClock()), myId);
        } else {
            LOG.info("Looking for a leader: round 0x{}, server {} proposes {} (zxid 0x{}, epoch 0x{})", Long.toHexString(core.logicalClock()),
                    myId, proposal.leader(), Long.toHexString(proposal.zxid()), Long.toHexString(proposal.peerEpoch()));
        }
        perform(actions);
    }

    private void received(long now, InboundMessage message) {
        reportDrops();
        Decoded decoded = NotificationCodec.decode(message.message());
        if (decoded instanceof Decoded.Malformed malformed) {
            LOG.warn("Skipping an election message from server {} ({} bytes): {}", message.fromSid(),
                    message.message().length, malformed.reason());
            return;
        }
        Decoded.Valid valid = (Decoded.Valid) decoded;
        if (valid.hadConfig() && !configIgnoredLogged) {
            configIgnoredLogged = true;
            LOG.debug("Peers send their configuration (version {}) with each notification; dynamic reconfiguration is "
                    + "not supported, so it is ignored", valid.configVersion());
        }
        LOG.trace("Server {} received from server {}: {}", myId, message.fromSid(), valid.notification());
        perform(core.step(new ElectionEvent.Received(now, message.fromSid(), valid.notification(), localView())));
    }

    private LocalView localView() {
        PeerState state = localPeer.state();
        Vote vote = localPeer.currentVote();
        if (vote == null) {
            // A server that holds no vote yet answers with one for itself, as ZooKeeper's first current vote is.
            vote = new Vote(myId, localPeer.lastLoggedZxid(), core.logicalClock(), localPeer.currentEpoch(), state);
        }
        return new LocalView(state, vote);
    }

    private void perform(ElectionActions actions) {
        for (Outgoing outgoing : actions.sends()) {
            manager.toSend(outgoing.toSid(), encode(outgoing.notification()));
        }
        if (actions.connectAll()) {
            manager.connectAll();
        }
        actions.decision().ifPresent(this::decided);
    }

    /** A round notifies every voter with the same message; encode it once. */
    private byte[] encode(Notification notification) {
        if (!notification.equals(lastEncoded)) {
            lastEncoded = notification;
            lastEncodedBytes = NotificationCodec.encode(notification, config);
        }
        return lastEncodedBytes;
    }

    private void decided(Decision decision) {
        Vote vote = decision.vote();
        if (decision.basis() == ElectionActions.Basis.ELECTED) {
            LOG.info("Leader elected in {} ms: server {} (zxid 0x{}, epoch 0x{}, round 0x{}); server {} is {}",
                    decision.roundMillis(), vote.leader(), Long.toHexString(vote.zxid()), Long.toHexString(vote.peerEpoch()),
                    Long.toHexString(vote.electionEpoch()), myId, vote.state());
        } else {
            LOG.info("Found the running leader in {} ms: server {} (zxid 0x{}, epoch 0x{}, round 0x{}), followed by {}; "
                            + "server {} is {}", decision.roundMillis(), vote.leader(), Long.toHexString(vote.zxid()),
                    Long.toHexString(vote.peerEpoch()), Long.toHexString(vote.electionEpoch()), decision.supporters(), myId,
                    vote.state());
        }
        if (round != null) {
            round.complete(vote);
        }
    }

    private void reportDrops() {
        long dropped = inbox.droppedMessages();
        if (dropped != droppedReported) {
            LOG.warn("Dropped {} election messages: the receive queue was full", dropped - droppedReported);
            droppedReported = dropped;
        }
    }

    /** Asks the scheduler for a tick at the core's deadline, once per deadline. */
    private void armWakeup() {
        OptionalLong deadline = core.deadlineMillis();
        if (deadline.isEmpty()) {
            if (wakeup != null) {
                wakeup.cancel();
                wakeup = null;
            }
            wakeupAtMillis = Long.MIN_VALUE;
            return;
        }
        if (deadline.getAsLong() == wakeupAtMillis) {
            return;
        }
        if (wakeup != null) {
            wakeup.cancel();
        }
        wakeupAtMillis = deadline.getAsLong();
        long delay = Math.max(0, wakeupAtMillis - scheduler.clock().monotonicMillis());
        wakeup = scheduler.schedule(Duration.ofMillis(delay), () -> inbox.offerCommand(new Tick()));
    }
}
