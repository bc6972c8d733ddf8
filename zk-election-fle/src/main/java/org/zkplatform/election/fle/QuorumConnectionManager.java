package org.zkplatform.election.fle;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.election.ElectionException;
import org.zkplatform.api.time.Scheduler;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.election.fle.DriverInbox.InboundMessage;

/**
 * The election connections of one server: ZooKeeper's {@code QuorumCnxManager} over the transport
 * SPI, so it runs on plain TCP or TLS alike.
 *
 * <p>Exactly one connection per pair of servers survives, the one opened by the server with the
 * larger id. The dialer sends an {@link InitialMessage}; if the other side has the larger id the
 * dialer closes its connection again, and the other side, seeing a connection from a smaller id,
 * closes it and dials back. A newer connection from the same server replaces the older one.
 *
 * <p>Two refinements over ZooKeeper, both for races it leaves open. A dial from a smaller id
 * normally means our connection to it is stale, so we dial anew; but when our connection is
 * younger than the connect timeout, the two dials merely crossed, and a second connection would
 * race the first through the peer's handshake (each side could keep a different one and both
 * close). And when the surviving connection closes, we connect again (with backoff) if we have
 * told that server anything, where ZooKeeper waits for the next message to send.
 *
 * <p>Per peer it keeps only the newest unsent message (older notifications are stale by
 * definition) and the last message sent, which it sends again on a new connection so a
 * notification lost with a broken connection is not lost for the election. Received messages go
 * to one sink, the driver's bounded inbox. A server that cannot be reached is dialed again after
 * a pause that doubles up to a maximum.
 *
 * <p>Thread-safe: transport callbacks arrive on I/O threads, sends come from the driver. All peer
 * state is guarded by this object's lock, which is never held while waiting.
 */
final class QuorumConnectionManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumConnectionManager.class);

    private final long mySid;
    private final byte[] initialMessage;
    private final InetSocketAddress electionAddress;
    private final Set<Long> dialAtStart;
    private final Transport transport;
    private final Scheduler scheduler;
    private final ElectionSettings settings;
    private final Consumer<InboundMessage> sink;
    private final Map<Long, PeerLink> links = new HashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong observerIds = new AtomicLong(-1);
    private final AcceptedConnections accepted = new AcceptedConnections();
    private Listener listener;
    private boolean closed;

    /**
     * @param electionAddress this server's configured election address (may be unresolved)
     * @param peers every other configured server's election address, by id
     * @param dialAtStart the servers to connect to as soon as the listener is up (the voters)
     * @param sink where received messages go; called on I/O threads, must not block
     */
    QuorumConnectionManager(long mySid, InetSocketAddress electionAddress, Map<Long, InetSocketAddress> peers,
                            Set<Long> dialAtStart, Transport transport, Scheduler scheduler, ElectionSettings settings,
                            Consumer<InboundMessage> sink) {
        this.mySid = mySid;
        this.electionAddress = Objects.requireNonNull(electionAddress, "electionAddress is null");
        this.initialMessage = InitialMessage.encode(mySid, ConfigText.host(electionAddress) + ":" + electionAddress.getPort());
        // In id order: Set.copyOf iterates in an order that differs from one JVM to the next, and the order of the
        // first dials should not (a simulated ensemble must replay the same from its seed).
        this.dialAtStart = Collections.unmodifiableSortedSet(new TreeSet<>(dialAtStart));
        this.transport = Objects.requireNonNull(transport, "transport is null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.sink = Objects.requireNonNull(sink, "sink is null");
        peers.forEach((sid, address) -> {
            if (sid != mySid) {
                links.put(sid, new PeerLink(sid, address, false));
            }
        });
    }

    /**
     * Binds the election address (retrying as configured), then dials the servers to dial at start.
     *
     * @throws ElectionException naming the address if it cannot be bound
     */
    void start() throws ElectionException {
        InetSocketAddress bindAddress = settings.listenOnAllIps()
                ? new InetSocketAddress(electionAddress.getPort())
                : resolve(electionAddress).orElseThrow(() -> new ElectionException(
                        "cannot listen for election connections: unknown host " + electionAddress.getHostString()));
        Listener bound = bind(bindAddress);
        synchronized (this) {
            if (closed) {
                bound.close();
                throw new ElectionException("the election was closed while it started");
            }
            listener = bound;
        }
        LOG.info("Listening for election connections on {}", hostPort(bound.localAddress()));
        for (Long sid : dialAtStart) {
            PeerLink link = link(sid);
            if (link != null) {
                connectOne(link, false);
            }
        }
    }

    private Listener bind(InetSocketAddress address) throws ElectionException {
        TransportException last = null;
        int attempts = settings.bindRetries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return transport.listen(address, accepted);
            } catch (TransportException e) {
                last = e;
                if (attempt < attempts) {
                    LOG.warn("Cannot listen for election connections ({}); attempt {} of {}, retrying in {} ms",
                            e.getMessage(), attempt, attempts, settings.bindRetryPause().toMillis());
                    pause(settings.bindRetryPause());
                }
            }
        }
        throw new ElectionException("cannot listen for election connections on " + hostPort(address) + " after " + attempts
                + " attempts: " + last.getMessage() + "; this server cannot take part in leader election", last);
    }

    /** Waits on the scheduler, so that a simulated clock drives bind retries too. */
    private void pause(Duration duration) throws ElectionException {
        CompletableFuture<Void> elapsed = new CompletableFuture<>();
        scheduler.schedule(duration, () -> elapsed.complete(null));
        try {
            elapsed.get(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElectionException("interrupted while waiting to bind the election address", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ElectionException("the scheduler did not run the bind retry", e);
        }
    }

    /**
     * Queues {@code message} for server {@code sid}, replacing an unsent older one, and connects if
     * needed. A message to ourselves goes straight to the sink.
     */
    void toSend(long sid, byte[] message) {
        if (sid == mySid) {
            sink.accept(new InboundMessage(mySid, message));
            return;
        }
        PeerLink link;
        synchronized (this) {
            link = links.get(sid);
            if (closed || link == null) {
                LOG.debug("Not sending to server {}: no such server or connection", sid);
                return;
            }
            link.pending = message;
            link.queued = true;
            if (link.isConnected()) {
                flush(link);
                return;
            }
        }
        connectOne(link, false);
    }

    /** Dials every server something was ever queued for and that has no connection (ZooKeeper's connectAll). */
    void connectAll() {
        List<PeerLink> toDial = new ArrayList<>();
        synchronized (this) {
            for (PeerLink link : links.values()) {
                if (link.queued && !link.temporary && !link.isConnected()) {
                    toDial.add(link);
                }
            }
        }
        toDial.forEach(link -> connectOne(link, false));
    }

    /**
     * ZooKeeper's {@code haveDelivered}: true when some peer's queue is empty. (Its comment says
     * "all queues"; its code, which we follow, says "any".)
     */
    synchronized boolean haveDelivered() {
        for (PeerLink link : links.values()) {
            if (link.queued && link.pending == null) {
                return true;
            }
        }
        return false;
    }

    synchronized boolean isConnected(long sid) {
        PeerLink link = links.get(sid);
        return link != null && link.isConnected();
    }

    /** Connections open right now, surviving or about to close; for tests. */
    int openConnectionCount() {
        return open.size();
    }

    /** The bound listening address, once started. */
    synchronized Optional<InetSocketAddress> listeningAddress() {
        return listener == null ? Optional.empty() : Optional.of(listener.localAddress());
    }

    /**
     * Dials {@code link} unless it is connected or being dialed, or its backoff has not run out.
     *
     * @param now whether the peer just showed it is alive: dial now, even if connected, since its
     *     end of our connection may be gone
     */
    private void connectOne(PeerLink link, boolean now) {
        InetSocketAddress target;
        synchronized (this) {
            if (closed || link.temporary || link.dialing || link.isConnected() && !now) {
                return;
            }
            long wait = link.nextDialNanos - scheduler.clock().nanoTime();
            if (!now && wait > 0) {
                scheduleRetry(link, wait);
                return;
            }
            link.dialing = true;
            target = link.address;
        }
        Optional<InetSocketAddress> resolved = resolve(target);
        if (resolved.isEmpty()) {
            dialFailed(link, "unknown host " + target.getHostString());
            return;
        }
        transport.connect(resolved.get(), settings.connectTimeout(), new DialedConnection(link))
                .whenComplete((connection, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                        dialFailed(link, String.valueOf(cause.getMessage()));
                    }
                });
    }

    /** Our dial got through: introduce ourselves, then keep the connection or leave it to the larger id. */
    private void dialed(PeerLink link, Connection connection) {
        open.add(connection);
        connection.write(ByteBuffer.wrap(initialMessage));
        synchronized (this) {
            link.dialing = false;
            if (link.failedDials > 0) {
                LOG.info("Reached server {} at {} after {} failed attempts", link.sid, hostPort(connection.remoteAddress()), link.failedDials);
            }
            link.failedDials = 0;
            link.nextDialNanos = 0;
            if (closed) {
                connection.close();
                return;
            }
            if (link.sid > mySid) {
                // The larger id keeps the connection it opens: ours only told it to dial us.
                LOG.debug("Server {} has the larger id; closing our connection and waiting for its own", link.sid);
                connection.close();
                return;
            }
            register(link, connection);
        }
    }

    private void dialFailed(PeerLink link, String reason) {
        synchronized (this) {
            link.dialing = false;
            link.failedDials++;
            long delayNanos = backoffNanos(link.failedDials);
            link.nextDialNanos = scheduler.clock().nanoTime() + delayNanos;
            if (link.failedDials == 1) {
                LOG.warn("Cannot open an election connection to server {} ({}); trying again with backoff",
                        link.sid, reason);
            } else {
                LOG.debug("Cannot open an election connection to server {} (attempt {}): {}", link.sid, link.failedDials, reason);
            }
            // Something waits, or was sent and may need sending again: keep trying (an idle peer is dialed on demand).
            if ((link.pending != null || link.lastSent != null) && !closed) {
                scheduleRetry(link, delayNanos);
            }
        }
    }

    /** The pause after {@code failures} failed dials in a row: the minimum, doubled each time, at most the maximum. */
    private long backoffNanos(int failures) {
        long delay = settings.reconnectDelayMin().toNanos();
        long max = settings.reconnectDelayMax().toNanos();
        for (int i = 1; i < failures && delay < max; i++) {
            delay *= 2;
        }
        return Math.min(delay, max);
    }

    /** Holding the lock. */
    private void scheduleRetry(PeerLink link, long delayNanos) {
        if (link.retry != null) {
            return;
        }
        link.retry = scheduler.schedule(Duration.ofNanos(Math.max(delayNanos, 1)), () -> {
            synchronized (this) {
                link.retry = null;
            }
            connectOne(link, false);
        });
    }

    /**
     * Makes {@code connection} the one for {@code link}, closing an older one, and sends what
     * waits, or else the last message again. Holding the lock.
     */
    private void register(PeerLink link, Connection connection) {
        Connection old = link.connection;
        link.connection = connection;
        link.registeredAtNanos = scheduler.clock().nanoTime();
        if (link.retry != null) {
            link.retry.cancel();
            link.retry = null;
        }
        if (old != null && old != connection) {
            LOG.debug("A newer election connection to server {} replaces the older one", link.sid);
            old.close();
        }
        LOG.debug("Election connection to server {} is up: {}", link.sid, hostPort(connection.remoteAddress()));
        if (link.pending == null && link.lastSent != null) {
            connection.write(FrameReader.frame(link.lastSent));
        } else {
            flush(link);
        }
    }

    /** Hands the pending message to the connection unless it is saturated. Holding the lock. */
    private void flush(PeerLink link) {
        Connection connection = link.connection;
        if (connection == null || link.pending == null || !connection.isWritable()) {
            return;
        }
        byte[] message = link.pending;
        link.pending = null;
        link.lastSent = message;
        connection.write(FrameReader.frame(message)).whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.debug("Sending to server {} failed: {}", link.sid, error.toString());
                connection.close();
            }
        });
    }

    private void writable(long sid, Connection connection) {
        synchronized (this) {
            PeerLink link = links.get(sid);
            if (link != null && link.connection == connection) {
                flush(link);
            }
        }
    }

    /**
     * The one connection to a server closed without being replaced: connect again, after a pause,
     * if we have told it anything, so that the last message reaches it (ZooKeeper waits for the
     * next message to send instead). A connection that keeps closing right after it is made (a
     * peer that refuses us) makes the pause grow as failed dials do.
     */
    private void closedConnection(long sid, Connection connection) {
        open.remove(connection);
        synchronized (this) {
            PeerLink link = links.get(sid);
            if (link == null || link.connection != connection) {
                return;
            }
            link.connection = null;
            LOG.debug("Election connection to server {} closed", sid);
            if (link.temporary) {
                links.remove(sid);
                return;
            }
            if (closed || link.pending == null && link.lastSent == null) {
                return;
            }
            boolean quick = scheduler.clock().nanoTime() - link.registeredAtNanos < settings.connectTimeout().toNanos();
            link.quickCloses = quick ? link.quickCloses + 1 : 0;
            scheduleRetry(link, backoffNanos(Math.max(1, link.quickCloses)));
        }
    }

    private synchronized PeerLink link(long sid) {
        return links.get(sid);
    }

    /** {@code host:port} without the {@code host/ip} doubling of {@link InetSocketAddress#toString()}. */
    static String hostPort(InetSocketAddress address) {
        return address == null ? "?" : ConfigText.host(address) + ":" + address.getPort();
    }

    /** Resolves a configured address now, so a server whose address changed is found again. */
    private static Optional<InetSocketAddress> resolve(InetSocketAddress address) {
        if (!address.isUnresolved()) {
            return Optional.of(address);
        }
        InetSocketAddress resolved = new InetSocketAddress(address.getHostString(), address.getPort());
        return resolved.isUnresolved() ? Optional.empty() : Optional.of(resolved);
    }

    @Override
    public void close() {
        Listener toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = listener;
            for (PeerLink link : links.values()) {
                if (link.retry != null) {
                    link.retry.cancel();
                    link.retry = null;
                }
            }
        }
        if (toClose != null) {
            toClose.close();
        }
        for (Connection connection : List.copyOf(open)) {
            connection.close();
        }
    }

    /** A connection we dialed: after the initial message it only carries frames. */
    private final class DialedConnection implements ConnectionHandler {
        private final PeerLink link;
        private final FrameReader frames = new FrameReader();

        DialedConnection(PeerLink link) {
            this.link = link;
        }

        @Override
        public void onOpen(Connection connection) {
            dialed(link, connection);
        }

        @Override
        public void onData(Connection connection, ByteBuffer data) {
            readFrames(connection, link.sid, frames, data);
        }

        @Override
        public void onWritabilityChanged(Connection connection, boolean writable) {
            if (writable) {
                writable(link.sid, connection);
            }
        }

        @Override
        public void onClose(Connection connection, Optional<Throwable> cause) {
            closedConnection(link.sid, connection);
        }
    }

    private void readFrames(Connection connection, long sid, FrameReader frames, ByteBuffer data) {
        try {
            frames.feed(data, message -> sink.accept(new InboundMessage(sid, message)));
        } catch (FrameReader.BadFrameException e) {
            LOG.warn("Closing the election connection of server {} at {}: {}", sid, hostPort(connection.remoteAddress()), e.getMessage());
            connection.close();
        }
    }

    /** The listener's side: read the initial message, apply the tie-break, then read frames. */
    private final class AcceptedConnections implements ConnectionHandler {
        private final Map<Long, Accepted> states = new ConcurrentHashMap<>();

        private final class Accepted {
            final InitialMessageReader handshake = new InitialMessageReader();
            final FrameReader frames = new FrameReader();
            /** Known once the initial message is read and the connection kept; null before. */
            Long sid;
        }

        @Override
        public void onOpen(Connection connection) {
            open.add(connection);
            states.put(connection.id(), new Accepted());
        }

        @Override
        public void onData(Connection connection, ByteBuffer data) {
            Accepted state = states.get(connection.id());
            if (state == null) {
                return;
            }
            if (state.sid == null) {
                InitialMessageReader.Result result = state.handshake.feed(data);
                if (result instanceof InitialMessageReader.Incomplete) {
                    return;
                }
                if (result instanceof InitialMessageReader.Refused refused) {
                    refuse(connection, refused.reason());
                    return;
                }
                Long kept = admit(connection, ((InitialMessageReader.Complete) result).message());
                if (kept == null) {
                    states.remove(connection.id());
                    return;
                }
                state.sid = kept;
            }
            readFrames(connection, state.sid, state.frames, data);
        }

        @Override
        public void onWritabilityChanged(Connection connection, boolean writable) {
            Accepted state = states.get(connection.id());
            if (writable && state != null && state.sid != null) {
                writable(state.sid, connection);
            }
        }

        @Override
        public void onClose(Connection connection, Optional<Throwable> cause) {
            Accepted state = states.remove(connection.id());
            open.remove(connection);
            if (state != null && state.sid != null) {
                closedConnection(state.sid, connection);
            }
        }
    }

    private void refuse(Connection connection, String reason) {
        LOG.warn("Refusing the election connection from {}: {}", hostPort(connection.remoteAddress()), reason);
        connection.close();
    }

    /**
     * Applies the tie-break to an introduced connection.
     *
     * @return the sid it now belongs to, or null if it was closed
     */
    private Long admit(Connection connection, InitialMessage message) {
        long sid = message.sid();
        boolean temporary = sid == InitialMessage.OBSERVER_ID;
        if (temporary) {
            sid = observerIds.getAndDecrement();
            LOG.info("An observer without a configured id connected from {}; it is server {} for now",
                    hostPort(connection.remoteAddress()), sid);
        }
        if (sid == mySid) {
            refuse(connection, "it claims our own server id " + sid + " (two servers configured with one id?)");
            return null;
        }
        PeerLink link;
        synchronized (this) {
            link = links.get(sid);
            if (closed) {
                connection.close();
                return null;
            }
            if (link == null && !temporary) {
                refuse(connection, "server id " + sid + " is not in the configuration");
                return null;
            }
            if (temporary) {
                link = new PeerLink(sid, null, true);
                links.put(sid, link);
            }
            if (temporary || sid > mySid) {
                register(link, connection);
                return sid;
            }
            link.nextDialNanos = 0;
            if (link.isConnected() && scheduler.clock().nanoTime() - link.registeredAtNanos < settings.connectTimeout().toNanos()) {
                // Its dial crossed our fresh connection, which is on its way to it. Dialing again would put two of
                // our connections in its handshake at once, and it might keep the one we drop.
                LOG.debug("Server {} dialed us while our new connection reaches it; closing its connection", sid);
                connection.close();
                return null;
            }
        }
        // A smaller id dialed us, so it holds no live connection from us: close its, open ours (replacing a stale one).
        LOG.debug("Server {} has the smaller id; closing its connection and dialing it", sid);
        connection.close();
        connectOne(link, true);
        return null;
    }
}
