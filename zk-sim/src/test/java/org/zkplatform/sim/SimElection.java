package org.zkplatform.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.zkplatform.api.election.Election;
import org.zkplatform.api.election.LocalPeer;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.QuorumVerifier;
import org.zkplatform.api.election.Vote;
import org.zkplatform.api.time.Cancellable;
import org.zkplatform.election.fle.ElectionActions;
import org.zkplatform.election.fle.ElectionCore;
import org.zkplatform.election.fle.ElectionEvent;
import org.zkplatform.election.fle.ElectionSettings;
import org.zkplatform.election.fle.NotificationCodec;

/**
 * Fast Leader Election for one simulated server: the production {@link ElectionCore}, fed as
 * {@code ElectionDriver} feeds it (round starts, notifications decoded by the production codec,
 * timeouts at the core's deadline), with notifications sent as datagrams on the simulated
 * network instead of through the quorum connection manager. Datagrams may be lost, duplicated
 * and reordered, which the algorithm must (and the connection manager's TCP need not) survive.
 */
final class SimElection implements Election {

    private static final byte[] CONFIG = "version=0".getBytes(StandardCharsets.UTF_8);

    private final SimWorld world;
    private final SimNetwork network;
    private final SimScheduler scheduler;
    private final int myId;
    private final ElectionCore core;
    private final LocalPeer local;
    private final Map<Integer, SimElection> board;
    private CompletableFuture<Vote> round;
    private Cancellable wakeup;
    private long wakeupAtMillis = Long.MIN_VALUE;
    private boolean closed;

    /** @param board the live elections of the run, by server id, where datagrams are delivered */
    SimElection(SimWorld world, SimNetwork network, SimScheduler scheduler, int myId, QuorumVerifier verifier,
                LocalPeer local, Map<Integer, SimElection> board) {
        this.world = world;
        this.network = network;
        this.scheduler = scheduler;
        this.myId = myId;
        ElectionSettings settings = ElectionSettings.defaults();
        this.core = new ElectionCore(myId, verifier, settings.roundTimings(), settings.receiveQueueSize());
        this.local = local;
        this.board = board;
    }

    @Override
    public void start() {
        board.put(myId, this);
    }

    @Override
    public CompletionStage<Vote> lookForLeader() {
        CompletableFuture<Vote> result = new CompletableFuture<>();
        world.at(0, myId, () -> {
            if (closed) {
                return;
            }
            round = result;
            perform(core.step(new ElectionEvent.StartLooking(now(), local.lastLoggedZxid(), local.currentEpoch())));
        });
        return result;
    }

    private long now() {
        return scheduler.clock().monotonicMillis();
    }

    /** A datagram from server {@code from} reached this server. */
    void received(int from, byte[] message) {
        if (closed) {
            return;
        }
        NotificationCodec.Decoded decoded = NotificationCodec.decode(message);
        if (decoded instanceof NotificationCodec.Decoded.Valid valid) {
            PeerState state = local.state();
            Vote vote = local.currentVote();
            if (vote == null) {
                vote = new Vote(myId, local.lastLoggedZxid(), core.logicalClock(), local.currentEpoch(), state);
            }
            perform(core.step(new ElectionEvent.Received(now(), from, valid.notification(),
                    new ElectionEvent.LocalView(state, vote))));
        }
    }

    private void perform(ElectionActions actions) {
        for (ElectionActions.Outgoing outgoing : actions.sends()) {
            byte[] bytes = NotificationCodec.encode(outgoing.notification(), CONFIG);
            int to = (int) outgoing.toSid();
            if (to == myId) {
                world.at(0, myId, () -> received(myId, bytes));
            } else {
                network.datagram(myId, to, from -> {
                    SimElection peer = board.get(to);
                    if (peer != null) {
                        peer.received(from, bytes);
                    }
                });
            }
        }
        actions.decision().ifPresent(decision -> {
            if (round != null) {
                round.complete(decision.vote());
            }
        });
        armWakeup();
    }

    private void armWakeup() {
        OptionalLong deadline = core.deadlineMillis();
        if (deadline.isEmpty() || deadline.getAsLong() == wakeupAtMillis) {
            return;
        }
        if (wakeup != null) {
            wakeup.cancel();
        }
        wakeupAtMillis = deadline.getAsLong();
        wakeup = scheduler.schedule(Duration.ofMillis(Math.max(0, wakeupAtMillis - now())), () -> {
            wakeupAtMillis = Long.MIN_VALUE;
            if (!closed) {
                perform(core.step(new ElectionEvent.Timeout(now(), true)));
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        board.remove(myId, this);
    }
}
