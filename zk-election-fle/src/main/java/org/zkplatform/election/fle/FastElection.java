package org.zkplatform.election.fle;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.SettingsException;
import org.zkplatform.api.election.Election;
import org.zkplatform.api.election.ElectionContext;
import org.zkplatform.api.election.ElectionException;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.QuorumVerifier;
import org.zkplatform.api.election.Vote;
import org.zkplatform.api.time.Scheduler;

/**
 * Fast Leader Election for one server: a {@link QuorumConnectionManager} for the connections, an
 * {@link ElectionCore} for the algorithm, and an {@link ElectionDriver} between them, on the
 * election's scheduler thread.
 *
 * <p>{@link #start()} binds the election address and starts the driver, which from then on
 * answers peers that are looking. {@link #lookForLeader()} asks the driver for one round.
 */
final class FastElection implements Election {

    private static final Logger LOG = LoggerFactory.getLogger(FastElection.class);

    /** Servers configured in the ensemble, for the error message. */
    private static final String SERVERS_KEY = "zk.quorum.servers";

    private final long myId;
    private final QuorumConnectionManager manager;
    private final DriverInbox inbox;
    private final ElectionDriver driver;
    private final QuorumVerifier verifier;
    private boolean started;
    private boolean closed;

    /**
     * @throws SettingsException if this server is not in the ensemble or the ensemble has no possible quorum
     */
    FastElection(ElectionSettings settings, ElectionContext context) {
        Objects.requireNonNull(settings, "settings is null");
        Objects.requireNonNull(context, "context is null");
        this.myId = context.self().value();
        try {
            this.verifier = QuorumVerifier.of(context.servers());
        } catch (IllegalArgumentException e) {
            throw new SettingsException(SERVERS_KEY, context.servers().size() + " servers", e.getMessage());
        }
        QuorumServer self = context.servers().stream().filter(s -> s.id().value() == myId).findFirst()
                .orElseThrow(() -> new SettingsException(SERVERS_KEY, "my id " + myId + " is not in the server list",
                        "a server list that includes this server's id"));
        Map<Long, InetSocketAddress> peers = new HashMap<>();
        for (QuorumServer server : context.servers()) {
            peers.put(server.id().value(), server.electionAddress());
        }
        Set<Long> voters = new HashSet<>(verifier.votingMembers());
        voters.remove(myId);
        byte[] config = ConfigText.of(context.servers(), verifier).getBytes(StandardCharsets.UTF_8);
        this.inbox = new DriverInbox(settings.receiveQueueSize());
        this.manager = new QuorumConnectionManager(myId, self.electionAddress(), peers, voters, context.transport(),
                context.scheduler(), settings, inbox::offerMessage);
        ElectionCore core = new ElectionCore(myId, verifier, settings.roundTimings(), settings.receiveQueueSize());
        this.driver = new ElectionDriver(myId, core, inbox, manager, context.localPeer(), context.scheduler(), config,
                onScheduler(context.scheduler()));
    }

    /**
     * The driver runs on the election's scheduler: its thread is the election's one thread, and a
     * simulated scheduler runs the driver as it runs the timers. A task offered after the
     * scheduler closed (the server shutting down) has nothing left to do.
     */
    private static Executor onScheduler(Scheduler scheduler) {
        return task -> {
            try {
                scheduler.schedule(Duration.ZERO, task);
            } catch (RejectedExecutionException e) {
                LOG.debug("The election's scheduler is closed; dropping a driver pass");
            }
        };
    }

    @Override
    public void start() throws ElectionException {
        synchronized (this) {
            if (closed) {
                throw new ElectionException("the election of server " + myId + " is closed");
            }
            if (started) {
                return;
            }
            started = true;
        }
        try {
            manager.start();
        } catch (ElectionException e) {
            manager.close();
            throw e;
        }
        driver.start();
    }

    @Override
    public CompletionStage<Vote> lookForLeader() {
        synchronized (this) {
            if (!started || closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        closed ? "the election is closed" : "the election is not started"));
            }
        }
        CompletableFuture<Vote> result = new CompletableFuture<>();
        inbox.offerCommand(new DriverInbox.StartRound(result));
        return result.minimalCompletionStage();
    }

    @Override
    public void close() {
        boolean wasStarted;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            wasStarted = started;
        }
        if (wasStarted) {
            driver.stop();
        }
        manager.close();
    }

    /** The logical clock: the current or last round. */
    long logicalClock() {
        return driver.logicalClock();
    }

    QuorumVerifier verifier() {
        return verifier;
    }

    QuorumConnectionManager connections() {
        return manager;
    }
}
