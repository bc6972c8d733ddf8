package org.zkplatform.zab.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.AuthResult;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.time.Clock;
import org.zkplatform.zab.auth.AclChecker;
import org.zkplatform.zab.auth.Authenticators;
import org.zkplatform.zab.proto.AuthPacket;
import org.zkplatform.zab.proto.ConnectRequest;
import org.zkplatform.zab.proto.ConnectResponse;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.KeeperState;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.Perms;
import org.zkplatform.zab.proto.ReplyHeader;
import org.zkplatform.zab.proto.WatcherEvent;
import org.zkplatform.zab.request.RequestPrep;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.session.SessionTracker;
import org.zkplatform.zab.tree.DataNode;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.EphemeralOwner;
import org.zkplatform.zab.tree.TreeListener;
import org.zkplatform.zab.tree.TxnResult;
import org.zkplatform.zab.watch.WatchManager;
import org.zkplatform.zab.watch.WatchNotification;

/**
 * The server's protocol core: sessions, the per-session order of requests, prep of writes,
 * applying durable txns, replies and watch notifications. Single-threaded by contract: only
 * the driver thread calls it, one event at a time, so none of its state needs a lock.
 *
 * <p>Ordering contract: a session's replies leave in request order, because a session's requests
 * wait in its queue behind its oldest unapplied write; notifications of a txn are queued on a
 * connection before the reply of any later request, because they are queued while the txn is
 * applied and replies only after.
 */
final class ServerCore {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCore.class);
    private static final int NOTIFICATION_XID = -1;
    private static final int PING_XID = -2;

    private final CoreSettings settings;
    private final DataTree tree;
    private final SessionTracker sessions;
    private final WatchManager watches;
    private final RequestPrep prep;
    private final Authenticators authenticators;
    private final AclChecker acl;
    private final ReadRequests reads;
    private final TxnSink log;
    private final Clock clock;
    final ServerStats stats;

    /** Txns handed to the log and not yet applied, in zxid order, with whom to answer. */
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    /** Open connections by id: the id is what watches are registered under. */
    private final Map<Long, ClientConnection> connections = new HashMap<>();
    private final Map<Long, ClientConnection> sessionOwners = new HashMap<>();
    private final Set<ClientConnection> dirty = new HashSet<>();
    private final TreeListener watchTrigger = new WatchTrigger();
    private long applyingZxid;
    private long nextContainerCheckMs;

    /** A txn on its way to the tree; {@code origin} is null for txns no client waits for. */
    private record InFlight(Transaction txn, ClientConnection origin) {
    }

    ServerCore(CoreSettings settings, DataTree tree, SessionTracker sessions, WatchManager watches, RequestPrep prep,
               Authenticators authenticators, TxnSink log, Clock clock) {
        this.settings = settings;
        this.tree = tree;
        this.sessions = sessions;
        this.watches = watches;
        this.prep = prep;
        this.authenticators = authenticators;
        this.acl = new AclChecker(authenticators.asMap());
        this.reads = new ReadRequests(tree, watches, acl);
        this.log = log;
        this.clock = clock;
        this.stats = new ServerStats(clock.currentTimeMillis());
        this.nextContainerCheckMs = clock.monotonicMillis() + settings.containerCheckInterval().toMillis();
    }

    // ------------------------------------------------------------------ events

    void handle(CoreEvent event) {
        if (event instanceof CoreEvent.Request) {
            request((CoreEvent.Request) event);
        } else if (event instanceof CoreEvent.Durable) {
            durable(((CoreEvent.Durable) event).zxid());
        } else if (event instanceof CoreEvent.Connect) {
            CoreEvent.Connect connect = (CoreEvent.Connect) event;
            connect(connect.connection(), connect.request());
        } else if (event instanceof CoreEvent.Closed) {
            closed(((CoreEvent.Closed) event).connection());
        } else if (event instanceof CoreEvent.FourLetterWord) {
            CoreEvent.FourLetterWord word = (CoreEvent.FourLetterWord) event;
            fourLetterWord(word.connection(), word.word());
        } else if (event instanceof CoreEvent.Task) {
            ((CoreEvent.Task) event).task().run();
        } else if (event instanceof CoreEvent.LogFailed) {
            throw new IllegalStateException("the transaction log failed", ((CoreEvent.LogFailed) event).cause());
        }
    }

    /** Hands every reply queued in this batch of events to the transport. */
    void flush() {
        for (ClientConnection c : dirty) {
            c.flush();
        }
        dirty.clear();
    }

    private void markDirty(ClientConnection c) {
        dirty.add(c);
    }

    // ------------------------------------------------------------------ sessions

    private void connect(ClientConnection c, ConnectRequest request) {
        connections.put(c.transport.id(), c);
        c.readOnlyPresent = request.readOnlyPresent();
        authenticators.identify(new AuthRequest(new byte[0], c.remoteAddress(), c.transport.peerIdentity()))
                .forEach(c.authIds::add);
        if (request.lastZxidSeen() > tree.lastProcessedZxid()) {
            LOG.warn("Refusing session request from {}: it has seen zxid 0x{}, ours is 0x{}; it must try another server",
                    c.remoteAddress(), Long.toHexString(request.lastZxidSeen()),
                    Long.toHexString(tree.lastProcessedZxid()));
            close(c);
            return;
        }
        int timeout = Math.max(settings.minSessionTimeoutMillis(),
                Math.min(settings.maxSessionTimeoutMillis(), request.timeOut()));
        c.timeoutMs = timeout;
        long now = clock.monotonicMillis();
        if (request.sessionId() == 0) {
            long sessionId = sessions.createSession(timeout, now);
            c.sessionId = sessionId;
            Transaction txn = prep.createSession(sessionId, timeout);
            c.queue.add(new PendingRequest(0, OpCode.CREATE_SESSION, null, false, txn.zxid(), clock.nanoTime()));
            submit(txn, c);
            return;
        }
        long sessionId = request.sessionId();
        if (!SessionTracker.passwordMatches(sessionId, request.passwd()) || !sessions.touch(sessionId, now)) {
            LOG.info("Refusing to resume session 0x{} for {}: {}", Long.toHexString(sessionId), c.remoteAddress(),
                    sessions.isActive(sessionId) ? "wrong password" : "it expired or does not exist");
            c.sendBare(new ConnectResponse(0, 0, 0, new byte[16], false, c.readOnlyPresent));
            close(c);
            return;
        }
        c.sessionId = sessionId;
        takeOwnership(c);
        c.sendBare(new ConnectResponse(0, timeout, sessionId, SessionTracker.password(sessionId), false,
                c.readOnlyPresent));
        markDirty(c);
        LOG.debug("Resumed session 0x{} for {}", Long.toHexString(sessionId), c.remoteAddress());
    }

    /** A session lives on one connection at a time: a client that reconnected leaves its old one. */
    private void takeOwnership(ClientConnection c) {
        ClientConnection previous = sessionOwners.put(c.sessionId, c);
        if (previous != null && previous != c) {
            LOG.debug("Session 0x{} moved from {} to {}", Long.toHexString(c.sessionId), previous.remoteAddress(),
                    c.remoteAddress());
            close(previous);
        }
    }

    private void closed(ClientConnection c) {
        if (connections.remove(c.transport.id()) == null) {
            return;
        }
        c.closing = true;
        c.queue.clear();
        watches.removeWatcher(c.transport.id());
        sessionOwners.remove(c.sessionId, c);
        dirty.remove(c);
    }

    private void close(ClientConnection c) {
        c.closing = true;
        markDirty(c);
    }

    // ------------------------------------------------------------------ requests

    private void request(CoreEvent.Request r) {
        ClientConnection c = r.connection();
        if (c.closing) {
            return;
        }
        stats.packetsReceived++;
        c.stats.received++;
        int type = r.type();
        if (c.hasSession()) {
            sessions.touch(c.sessionId, clock.monotonicMillis());
        }
        if (type == OpCode.AUTH) {
            // Immediately, as ZooKeeper does: writes queued behind must already see the new ids.
            auth(c, r.xid(), (AuthPacket) r.record());
            return;
        }
        if (type == OpCode.CLOSE_SESSION) {
            sessions.setClosing(c.sessionId);
            Transaction txn = prep.closeSession(c.sessionId, r.xid());
            c.queue.add(new PendingRequest(r.xid(), type, null, false, txn.zxid(), r.receivedNanos()));
            submit(txn, c);
        } else if (RequestDecoder.isWrite(type) && OpCode.isValid(type)) {
            Transaction txn = prep.prepare(c.sessionId, r.xid(), type, r.malformed() ? null : r.record(), c.authIds.list());
            c.queue.add(new PendingRequest(r.xid(), type, r.record(), r.malformed(), txn.zxid(), r.receivedNanos()));
            submit(txn, c);
        } else {
            PendingRequest read = new PendingRequest(r.xid(), type, r.record(), r.malformed(), -1, r.receivedNanos());
            if (c.queue.isEmpty()) {
                answerRead(c, read);
            } else {
                c.queue.add(read);
            }
        }
    }

    private void auth(ClientConnection c, int xid, AuthPacket packet) {
        Optional<Authenticator> authenticator = packet == null ? Optional.empty()
                : authenticators.forScheme(packet.scheme());
        AuthResult result = authenticator.isPresent()
                ? authenticator.get().authenticate(new AuthRequest(packet.auth() == null ? new byte[0] : packet.auth(),
                        c.remoteAddress(), c.transport.peerIdentity()))
                : AuthResult.failure("no authentication provider for scheme '"
                        + (packet == null ? null : packet.scheme()) + "'");
        if (result instanceof AuthResult.Success) {
            ((AuthResult.Success) result).ids().forEach(c.authIds::add);
            send(c, new ReplyHeader(xid, 0, KeeperError.OK.code()), null);
        } else {
            stats.authFailures++;
            LOG.warn("Authentication failed for {}: {}", c, ((AuthResult.Failure) result).reason());
            send(c, new ReplyHeader(xid, 0, KeeperError.AUTH_FAILED.code()), null);
            close(c);
        }
        c.inFlight.decrementAndGet();
    }

    private void submit(Transaction txn, ClientConnection origin) {
        inFlight.addLast(new InFlight(txn, origin));
        log.submit(txn);
    }

    // ------------------------------------------------------------------ applying

    private void durable(long zxid) {
        while (!inFlight.isEmpty() && inFlight.peekFirst().txn().zxid() <= zxid) {
            InFlight next = inFlight.pollFirst();
            Transaction txn = next.txn();
            applyingZxid = txn.zxid();
            TxnResult result = tree.apply(txn.header(), txn.record(), watchTrigger);
            prep.applied(txn.zxid());
            applied(txn, result, next.origin());
        }
    }

    private void applied(Transaction txn, TxnResult result, ClientConnection origin) {
        int type = txn.header().type();
        long sessionId = txn.header().clientId();
        if (type == OpCode.CREATE_SESSION) {
            sessions.addSession(sessionId, ((org.zkplatform.zab.proto.CreateSessionTxn) txn.record()).timeOut(),
                    clock.monotonicMillis());
        } else if (type == OpCode.CLOSE_SESSION) {
            sessions.removeSession(sessionId);
            ClientConnection owner = sessionOwners.remove(sessionId);
            if (owner != null && owner != origin) {
                close(owner);
            }
        }
        if (origin == null || origin.closing) {
            return;
        }
        PendingRequest head = origin.queue.pollFirst();
        if (head == null || head.zxid() != txn.zxid()) {
            throw new IllegalStateException("txn 0x" + Long.toHexString(txn.zxid()) + " applied out of turn for "
                    + origin + "; expected " + head);
        }
        if (head.type() == OpCode.CREATE_SESSION) {
            takeOwnership(origin);
            origin.sendBare(new ConnectResponse(0, origin.timeoutMs, sessionId, SessionTracker.password(sessionId),
                    false, origin.readOnlyPresent));
            markDirty(origin);
            LOG.debug("Established session 0x{} with timeout {} ms for {}", Long.toHexString(sessionId),
                    origin.timeoutMs, origin.remoteAddress());
        } else if (head.type() == OpCode.CLOSE_SESSION) {
            reply(origin, head, KeeperError.OK, null);
            close(origin);
        } else {
            Reply reply = WriteReplies.of(head.type(), result);
            reply(origin, head, reply.error(), reply.body());
        }
        drainReads(origin);
    }

    /** Answers the reads that waited behind the write just answered, up to the next write. */
    private void drainReads(ClientConnection c) {
        while (!c.queue.isEmpty() && !c.queue.peekFirst().isWrite() && !c.closing) {
            answerRead(c, c.queue.pollFirst());
        }
    }

    private void answerRead(ClientConnection c, PendingRequest read) {
        if (!OpCode.isValid(read.type()) || read.type() == OpCode.CREATE_SESSION) {
            // In its turn, so a client still sees the answers to everything it sent before.
            LOG.warn("Closing {}: request {} of unknown or invalid type {}", c, read.xid(), read.type());
            reply(c, read.xid(), -1, KeeperError.UNIMPLEMENTED, null);
            close(c);
            return;
        }
        if (read.type() == OpCode.PING) {
            reply(c, PING_XID, read, KeeperError.OK, null);
            return;
        }
        if (read.malformed()) {
            reply(c, read, KeeperError.MARSHALLING_ERROR, null);
            return;
        }
        List<WatchNotification> events = new ArrayList<>(0);
        Reply reply = reads.execute(c, c.transport.id(), read.type(), read.record(), events);
        for (WatchNotification event : events) {
            notifyWatcher(c, event, -1);
        }
        reply(c, read, reply.error(), reply.body());
    }

    // ------------------------------------------------------------------ replies

    private void reply(ClientConnection c, PendingRequest request, KeeperError error,
                       org.zkplatform.zab.proto.JuteRecord body) {
        reply(c, request.xid(), request, error, body);
    }

    private void reply(ClientConnection c, int xid, PendingRequest request, KeeperError error,
                       org.zkplatform.zab.proto.JuteRecord body) {
        long zxid = tree.lastProcessedZxid();
        reply(c, xid, zxid, error, body);
        long nowMillis = clock.currentTimeMillis();
        long latency = Math.max(0, (clock.nanoTime() - request.receivedNanos()) / 1_000_000L);
        stats.answered(latency);
        c.stats.answered(OpCode.shortName(request.type()), request.xid(), zxid, nowMillis, latency);
    }

    private void reply(ClientConnection c, int xid, long zxid, KeeperError error,
                       org.zkplatform.zab.proto.JuteRecord body) {
        send(c, new ReplyHeader(xid, zxid, error.code()), error == KeeperError.OK ? body : null);
        int left = c.inFlight.decrementAndGet();
        if (left == settings.maxOutstandingPerConnection() / 2) {
            c.transport.resumeReading();
        }
    }

    private void send(ClientConnection c, ReplyHeader header, org.zkplatform.zab.proto.JuteRecord body) {
        c.send(header, body);
        stats.packetsSent++;
        markDirty(c);
    }

    private void notifyWatcher(ClientConnection c, WatchNotification event, long zxid) {
        send(c, new ReplyHeader(NOTIFICATION_XID, zxid, 0),
                new WatcherEvent(event.type().code(), KeeperState.SYNC_CONNECTED.code(), event.path()));
    }

    /** Turns tree changes into notifications, for watchers allowed to read the node. */
    private final class WatchTrigger implements TreeListener {

        @Override
        public void nodeCreated(String path, String parent) {
            deliver(watches.nodeCreated(path, parent, readable(tree.node(path)), readable(tree.node(parent))));
        }

        @Override
        public void nodeDeleted(String path, String parent, DataNode deleted) {
            deliver(watches.nodeDeleted(path, parent, readable(deleted), readable(tree.node(parent))));
        }

        @Override
        public void dataChanged(String path) {
            deliver(watches.nodeDataChanged(path, readable(tree.node(path))));
        }

        private LongPredicate readable(DataNode node) {
            return watcher -> {
                ClientConnection c = connections.get(watcher);
                return c != null && node != null && acl.allowed(node.acl(), Perms.READ, c.authIds.list());
            };
        }

        private void deliver(List<WatchNotification> notifications) {
            for (WatchNotification n : notifications) {
                ClientConnection c = connections.get(n.watcherId());
                if (c != null && !c.closing) {
                    notifyWatcher(c, n, applyingZxid);
                }
            }
        }
    }

    // ------------------------------------------------------------------ time

    /** Expires sessions, drops connections that never started one, reaps containers. */
    void tick() {
        long now = clock.monotonicMillis();
        for (long sessionId : sessions.expired(now)) {
            LOG.info("Expiring session 0x{}: timeout of {} ms exceeded", Long.toHexString(sessionId),
                    sessions.timeoutOf(sessionId));
            submit(prep.closeSession(sessionId, 0), null);
        }
        if (now >= nextContainerCheckMs) {
            nextContainerCheckMs = now + settings.containerCheckInterval().toMillis();
            reapContainers();
        }
    }

    /** When {@link #tick()} next has work: the next session expiry, at most a tick away. */
    long nextTickMs() {
        return Math.min(sessions.nextExpiryCheckMs(), clock.monotonicMillis() + settings.tickTimeMillis());
    }

    /** Deletes containers that had children and have none left, and TTL nodes past their TTL. */
    private void reapContainers() {
        long wallNow = clock.currentTimeMillis();
        for (String path : tree.containers()) {
            DataNode node = tree.node(path);
            if (node != null && node.childCount() == 0 && node.storedCversion() > 0) {
                submit(prep.deleteContainer(path), null);
            }
        }
        for (String path : tree.ttlNodes()) {
            DataNode node = tree.node(path);
            if (node != null && node.childCount() == 0
                    && wallNow - node.mtime() > EphemeralOwner.ttlMillisOf(node.ephemeralOwner())) {
                submit(prep.deleteContainer(path), null);
            }
        }
    }

    // ------------------------------------------------------------------ commands

    private void fourLetterWord(ClientConnection c, String word) {
        String output = FourLetterWords.answer(word, settings.fourLetterWords(), new CoreView());
        c.transport.write(java.nio.ByteBuffer.wrap(output.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        c.transport.close();
    }

    /** What the four-letter words report, read on the driver thread. */
    final class CoreView {
        DataTree tree() {
            return tree;
        }

        SessionTracker sessions() {
            return sessions;
        }

        WatchManager watches() {
            return watches;
        }

        ServerStats stats() {
            return stats;
        }

        CoreSettings settings() {
            return settings;
        }

        Iterable<ClientConnection> connections() {
            return connections.values();
        }

        int outstanding() {
            return inFlight.size();
        }

        long nowMillis() {
            return clock.currentTimeMillis();
        }

        long monotonicMillis() {
            return clock.monotonicMillis();
        }
    }
}
