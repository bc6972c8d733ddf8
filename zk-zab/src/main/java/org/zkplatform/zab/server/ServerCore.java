package org.zkplatform.zab.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.AuthResult;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.time.Clock;
import org.zkplatform.zab.auth.AclChecker;
import org.zkplatform.zab.auth.Authenticators;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.proto.AuthPacket;
import org.zkplatform.zab.proto.ConnectRequest;
import org.zkplatform.zab.proto.ConnectResponse;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.KeeperState;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.Perms;
import org.zkplatform.zab.proto.ReplyHeader;
import org.zkplatform.zab.proto.WatcherEvent;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.session.SessionTracker;
import org.zkplatform.zab.tree.DataNode;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.TreeListener;
import org.zkplatform.zab.tree.TxnResult;
import org.zkplatform.zab.watch.WatchManager;
import org.zkplatform.zab.watch.WatchNotification;

/**
 * The client-facing core: connections, the per-session order of requests, reads, applying
 * committed txns, replies and watch notifications. How writes reach the log is the
 * {@link WritePath}'s business (prepared here, or forwarded to a leader); whatever the path, each
 * committed txn comes back through {@link #applyCommitted} and is matched to the request waiting
 * for it by session and xid. Single-threaded by contract: only the driver thread calls it.
 *
 * <p>Ordering contract: a session's replies leave in request order, because a session's requests
 * wait in its queue behind its oldest blocking request; notifications of a txn are queued on a
 * connection before the reply of any later request, because they are queued while the txn is
 * applied and replies only after.
 */
public final class ServerCore {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCore.class);
    private static final int NOTIFICATION_XID = -1;
    private static final int PING_XID = -2;

    private final CoreSettings settings;
    private final DataTree tree;
    private final WatchManager watches;
    private final WritePath writes;
    private final Authenticators authenticators;
    private final AclChecker acl;
    private final ReadRequests reads;
    private final Clock clock;
    final ServerStats stats;
    private final ServerMetrics metrics;

    /** Open connections by id: the id is what watches are registered under. */
    private final Map<Long, ClientConnection> connections = new HashMap<>();
    private final Map<Long, ClientConnection> sessionOwners = new HashMap<>();
    /** Connections whose createSession txn is not applied yet, by session. */
    private final Map<Long, ClientConnection> creating = new HashMap<>();
    /** Connections with replies to flush, in the order they got them: the same input always gives the same output. */
    private final Set<ClientConnection> dirty = new LinkedHashSet<>();
    private final TreeListener watchTrigger = new WatchTrigger();
    private long applyingZxid;

    /** @param metrics the server's lifelong figures, which this core adds to while it serves */
    public ServerCore(CoreSettings settings, DataTree tree, WatchManager watches, WritePath writes,
               Authenticators authenticators, Clock clock, ServerMetrics metrics) {
        this.settings = settings;
        this.tree = tree;
        this.watches = watches;
        this.writes = writes;
        this.authenticators = authenticators;
        this.acl = new AclChecker(authenticators.asMap());
        this.reads = new ReadRequests(tree, watches, acl);
        this.clock = clock;
        this.stats = new ServerStats(clock.currentTimeMillis());
        this.metrics = metrics;
    }

    // ------------------------------------------------------------------ client events

    public void handle(CoreEvent event) {
        if (event instanceof CoreEvent.Request) {
            request((CoreEvent.Request) event);
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
        } else {
            throw new IllegalArgumentException("not a client event: " + event);
        }
    }

    /** Hands every reply queued in this batch of events to the transport. */
    public void flush() {
        for (ClientConnection c : dirty) {
            c.flush();
        }
        dirty.clear();
    }

    private void markDirty(ClientConnection c) {
        dirty.add(c);
    }

    /** Closes every client connection: the server stops serving (a role ends). Sessions live on. */
    public void closeAll() {
        for (ClientConnection c : connections.values()) {
            close(c);
        }
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
        if (request.sessionId() == 0) {
            long sessionId = writes.newSession(timeout);
            c.sessionId = sessionId;
            creating.put(sessionId, c);
            c.queue.add(new PendingRequest(0, OpCode.CREATE_SESSION, null, false, PendingRequest.Awaits.TXN,
                    clock.nanoTime()));
            return;
        }
        long sessionId = request.sessionId();
        if (!SessionTracker.passwordMatches(sessionId, request.passwd())) {
            refuseResume(c, sessionId, "wrong password");
            return;
        }
        c.sessionId = sessionId;
        c.queue.add(new PendingRequest(0, OpCode.CREATE_SESSION, null, false, PendingRequest.Awaits.SYNC,
                clock.nanoTime()));
        writes.revalidate(sessionId, timeout).thenAccept(valid -> {
            if (c.closing) {
                return;
            }
            c.queue.pollFirst();
            if (valid) {
                takeOwnership(c);
                c.sendBare(new ConnectResponse(0, c.timeoutMs, sessionId, SessionTracker.password(sessionId), false,
                        c.readOnlyPresent));
                markDirty(c);
                drainReads(c);
            } else {
                refuseResume(c, sessionId, "it expired or does not exist");
            }
        });
    }

    private void refuseResume(ClientConnection c, long sessionId, String why) {
        LOG.info("Refusing to resume session 0x{} for {}: {}", Long.toHexString(sessionId), c.remoteAddress(), why);
        c.sendBare(new ConnectResponse(0, 0, 0, new byte[16], false, c.readOnlyPresent));
        close(c);
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
        creating.remove(c.sessionId, c);
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
            writes.touch(c.sessionId);
        }
        if (type == OpCode.AUTH) {
            // Immediately, as ZooKeeper does: writes queued behind must already see the new ids.
            auth(c, r.xid(), (AuthPacket) r.record());
            return;
        }
        boolean valid = OpCode.isValid(type) && type != OpCode.CREATE_SESSION;
        if (valid && (type == OpCode.CLOSE_SESSION || RequestDecoder.isWrite(type))) {
            c.queue.add(new PendingRequest(r.xid(), type, r.record(), r.malformed(), PendingRequest.Awaits.TXN,
                    r.receivedNanos()));
            writes.write(c.sessionId, r.xid(), type, r.malformed() ? null : r.record(), c.authIds.list());
            return;
        }
        if (valid && type == OpCode.SYNC && !r.malformed()) {
            CompletionStage<Void> synced = writes.sync(c.sessionId);
            if (synced != null) {
                PendingRequest sync = new PendingRequest(r.xid(), type, r.record(), false, PendingRequest.Awaits.SYNC,
                        r.receivedNanos());
                c.queue.add(sync);
                synced.thenRun(() -> syncDone(c, sync));
                return;
            }
        }
        PendingRequest read = new PendingRequest(r.xid(), type, r.record(), r.malformed(), PendingRequest.Awaits.TURN,
                r.receivedNanos());
        if (c.queue.isEmpty()) {
            answerInTurn(c, read);
        } else {
            c.queue.add(read);
        }
    }

    private void syncDone(ClientConnection c, PendingRequest sync) {
        if (c.closing || c.queue.peekFirst() != sync) {
            return;
        }
        c.queue.pollFirst();
        answerInTurn(c, new PendingRequest(sync.xid(), sync.type(), sync.record(), false, PendingRequest.Awaits.TURN,
                sync.receivedNanos()));
        drainReads(c);
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

    // ------------------------------------------------------------------ applying

    /** Applies a committed txn and answers the request that waited for it, if it is connected here. */
    public void applyCommitted(Transaction txn) {
        applyingZxid = txn.zxid();
        TxnResult result = tree.apply(txn.header(), txn.record(), watchTrigger);
        writes.applied(txn);
        metrics.committed();
        int type = txn.header().type();
        long sessionId = txn.header().clientId();
        if (type == OpCode.CREATE_SESSION) {
            ClientConnection c = creating.remove(sessionId);
            if (c != null && !c.closing && c.queue.peekFirst() != null
                    && c.queue.peekFirst().type() == OpCode.CREATE_SESSION) {
                c.queue.pollFirst();
                takeOwnership(c);
                c.sendBare(new ConnectResponse(0, c.timeoutMs, sessionId, SessionTracker.password(sessionId), false,
                        c.readOnlyPresent));
                markDirty(c);
                LOG.debug("Established session 0x{} with timeout {} ms for {}", Long.toHexString(sessionId),
                        c.timeoutMs, c.remoteAddress());
                drainReads(c);
            }
            return;
        }
        ClientConnection owner = type == OpCode.CLOSE_SESSION ? sessionOwners.remove(sessionId)
                : sessionOwners.get(sessionId);
        if (owner == null || owner.closing) {
            return;
        }
        PendingRequest head = owner.queue.peekFirst();
        boolean answers = head != null && head.awaits() == PendingRequest.Awaits.TXN && head.xid() == txn.header().cxid();
        if (!answers) {
            if (type == OpCode.CLOSE_SESSION) {
                close(owner); // expired: the client learns it when it reconnects
            }
            return;
        }
        owner.queue.pollFirst();
        if (head.type() == OpCode.CLOSE_SESSION) {
            reply(owner, head, KeeperError.OK, null);
            close(owner);
            return;
        }
        Reply reply = WriteReplies.of(head.type(), result);
        reply(owner, head, reply.error(), reply.body());
        drainReads(owner);
    }

    /** Answers the requests that waited behind the one just answered, up to the next blocking one. */
    private void drainReads(ClientConnection c) {
        while (!c.queue.isEmpty() && !c.queue.peekFirst().isBlocking() && !c.closing) {
            answerInTurn(c, c.queue.pollFirst());
        }
    }

    private void answerInTurn(ClientConnection c, PendingRequest read) {
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

    private void reply(ClientConnection c, PendingRequest request, KeeperError error, JuteRecord body) {
        reply(c, request.xid(), request, error, body);
    }

    private void reply(ClientConnection c, int xid, PendingRequest request, KeeperError error, JuteRecord body) {
        long zxid = tree.lastProcessedZxid();
        reply(c, xid, zxid, error, body);
        long nowMillis = clock.currentTimeMillis();
        long latencyNanos = Math.max(0, clock.nanoTime() - request.receivedNanos());
        long latency = latencyNanos / 1_000_000L;
        stats.answered(latency);
        metrics.requestAnswered(request.type(), latencyNanos);
        c.stats.answered(OpCode.shortName(request.type()), request.xid(), zxid, nowMillis, latency);
    }

    private void reply(ClientConnection c, int xid, long zxid, KeeperError error, JuteRecord body) {
        send(c, new ReplyHeader(xid, zxid, error.code()), error == KeeperError.OK ? body : null);
        int left = c.inFlight.decrementAndGet();
        if (left == settings.maxOutstandingPerConnection() / 2) {
            c.transport.resumeReading();
        }
    }

    private void send(ClientConnection c, ReplyHeader header, JuteRecord body) {
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

    // ------------------------------------------------------------------ commands

    private void fourLetterWord(ClientConnection c, String word) {
        String output = FourLetterWords.answer(word, settings.fourLetterWords(), view());
        c.transport.write(java.nio.ByteBuffer.wrap(output.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        c.transport.close();
    }

    /** What commands read; on the driver thread only. */
    CoreView view() {
        return new CoreView();
    }

    /** What the four-letter words report, read on the driver thread. */
    final class CoreView {
        DataTree tree() {
            return tree;
        }

        SessionTracker sessions() {
            return writes.sessions();
        }

        String mode() {
            return writes.mode();
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
            int outstanding = 0;
            for (ClientConnection c : connections.values()) {
                outstanding += c.queue.size();
            }
            return outstanding;
        }

        long nowMillis() {
            return clock.currentTimeMillis();
        }

        long monotonicMillis() {
            return clock.monotonicMillis();
        }
    }
}
