package org.zkplatform.dist.cli.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.zab.proto.AuthPacket;
import org.zkplatform.zab.proto.ConnectRequest;
import org.zkplatform.zab.proto.ConnectResponse;
import org.zkplatform.zab.proto.EventType;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.KeeperState;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.ReplyHeader;
import org.zkplatform.zab.proto.RequestHeader;
import org.zkplatform.zab.proto.WatcherEvent;

/**
 * A session and the connection that carries it: the handshake, one reader thread that matches
 * replies to requests by xid, hands notifications (xid -1) to the listener, pings after a third
 * of the session timeout without sending, and on a lost connection moves the session to the next
 * server with the same id and password, sending the credentials and watches again.
 *
 * <p>Requests block their caller. A request out when the connection breaks fails with
 * {@link ConnectionException}, its outcome unknown, as in Apache ZooKeeper's client; a request
 * made while the session moves waits for it, up to the session timeout.
 *
 * <p>The listener runs on the reader thread: it must return quickly and must not make requests.
 */
final class ClientSession {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private static final int NOTIFICATION_XID = -1;
    private static final int PING_XID = -2;
    private static final int AUTH_XID = -4;
    private static final int SET_WATCHES_XID = -8;
    /** A new session's password: the server makes the real one. */
    private static final byte[] NO_PASSWORD = new byte[16];
    /** The longest wait between two rounds of the server list while reconnecting. */
    private static final long MAX_BACKOFF_MS = 1000;
    private static final long CLOSE_WAIT_MS = 2000;

    /** A request waiting for its reply, and the watch it asked for, if any. */
    private record Pending(Connection connection, int op, String watchPath, CompletableFuture<Reply> reply) {
    }

    /** Credentials sent, waiting for the server's word on them. */
    private record AuthWait(AuthPacket packet, CompletableFuture<Reply> reply) {
    }

    private final ClientConfig config;
    private final Consumer<WatchEvent> listener;
    private final WatchRegistry watches = new WatchRegistry();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    /** Auth replies come back in the order the packets went out on a connection, all with xid -4. */
    private final Queue<AuthWait> authReplies = new ConcurrentLinkedQueue<>();
    private final Thread reader;
    private final long sessionId;
    private final byte[] password;
    /** The last zxid seen in a reply: the server must be at least this current to take the session. */
    private volatile long lastZxid;

    /** Guards the fields below; waited on for changes of {@link #state}. */
    private final Object lock = new Object();
    private ClientState state = ClientState.CONNECTED;
    private Connection connection;
    private HostPort lastServer;
    private int timeoutMs;
    private String lostReason;
    private boolean closing;
    private int nextXid = 1;
    /** Credentials to send again on every new connection. */
    private final List<AuthPacket> auths = new ArrayList<>();

    private ClientSession(ClientConfig config, Consumer<WatchEvent> listener, Connection connection) throws IOException {
        this.config = config;
        this.listener = listener;
        this.connection = connection;
        this.lastServer = connection.server();
        ConnectResponse response = connection.response();
        this.sessionId = response.sessionId();
        this.password = response.passwd();
        this.timeoutMs = response.timeOut();
        connection.setTickMs(tickMs(timeoutMs));
        this.reader = new Thread(this::run, "zk-cli-reader");
        reader.setDaemon(true);
    }

    /**
     * Opens a new session on the first server of the list that takes it.
     *
     * @throws ConnectionException naming every server tried and why it failed
     */
    static ClientSession open(ClientConfig config, Consumer<WatchEvent> listener) throws ConnectionException {
        List<String> failures = new ArrayList<>();
        ConnectRequest request = new ConnectRequest(0, 0, config.sessionTimeoutMs(), 0, NO_PASSWORD, false, true);
        for (HostPort server : config.servers()) {
            try {
                Connection connection = Connection.open(server, request, config.sessionTimeoutMs());
                if (connection.response().timeOut() <= 0) {
                    connection.close();
                    failures.add(server + ": the server refused a new session");
                    continue;
                }
                ClientSession session = new ClientSession(config, listener, connection);
                LOG.debug("Connected to {}, session 0x{}, timeout {} ms", server, Long.toHexString(session.sessionId),
                        session.timeoutMs);
                session.reader.start();
                return session;
            } catch (IOException e) {
                failures.add(server + ": " + describe(e));
            }
        }
        throw new ConnectionException("Cannot connect to " + String.join(", ", failures));
    }

    long sessionId() {
        return sessionId;
    }

    int timeoutMs() {
        synchronized (lock) {
            return timeoutMs;
        }
    }

    ClientState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The server the session is on, or was last on. */
    HostPort server() {
        synchronized (lock) {
            return lastServer;
        }
    }

    /**
     * Sends a request and waits for its reply, whatever its error code.
     *
     * @param watchPath the path a watch was asked for, recorded if the server sets it; else null
     */
    Reply call(int op, JuteRecord body, String watchPath) throws ConnectionException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.sessionTimeoutMs());
        Pending request;
        int xid;
        synchronized (lock) {
            Connection c = awaitConnected(deadline);
            xid = nextXid++;
            request = new Pending(c, op, watchPath, new CompletableFuture<>());
            pending.put(xid, request);
        }
        try {
            request.connection().send(new RequestHeader(xid, op), body);
        } catch (IOException e) {
            pending.remove(xid);
            // The reader notices the closed socket and moves the session.
            request.connection().close();
            throw new ConnectionException("Connection lost to " + request.connection() + ": " + describe(e));
        }
        try {
            return await(request.reply(), deadline, request.connection());
        } finally {
            pending.remove(xid);
        }
    }

    /** Adds credentials to the session; they are sent again on every new connection. */
    void addAuth(AuthPacket packet) throws ZkException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.sessionTimeoutMs());
        Connection c;
        synchronized (lock) {
            c = awaitConnected(deadline);
            auths.add(packet);
        }
        CompletableFuture<Reply> reply = sendAuth(c, packet);
        Reply answer = await(reply, deadline, c);
        if (answer.header().err() != KeeperError.OK.code()) {
            throw new KeeperException(KeeperError.AUTH_FAILED, null);
        }
    }

    /** Closes the session on the server if it can, then the connection; idempotent. */
    void close() {
        boolean connected;
        synchronized (lock) {
            connected = state == ClientState.CONNECTED && !closing;
            closing = true;
        }
        if (connected) {
            try {
                Reply reply = callClose();
                LOG.debug("Session 0x{} closed: err {}", Long.toHexString(sessionId), reply.header().err());
            } catch (ConnectionException e) {
                LOG.debug("Session 0x{} not closed on the server: {}", Long.toHexString(sessionId), e.getMessage());
            }
        }
        Connection c;
        synchronized (lock) {
            if (!state.isTerminal()) {
                state = ClientState.CLOSED;
            }
            c = connection;
            connection = null;
            lock.notifyAll();
        }
        if (c != null) {
            c.close();
        }
        failPending(null, "the client was closed");
        reader.interrupt();
        try {
            reader.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Reply callClose() throws ConnectionException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(CLOSE_WAIT_MS, config.sessionTimeoutMs()));
        Connection c;
        int xid;
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        synchronized (lock) {
            c = connection;
            xid = nextXid++;
            pending.put(xid, new Pending(c, OpCode.CLOSE_SESSION, null, reply));
        }
        try {
            c.send(new RequestHeader(xid, OpCode.CLOSE_SESSION), null);
        } catch (IOException e) {
            throw new ConnectionException(describe(e));
        }
        return await(reply, deadline, c);
    }

    // ------------------------------------------------------------------ waiting

    /** Waits, holding {@link #lock}, until the session is connected, and returns the connection. */
    private Connection awaitConnected(long deadline) throws ConnectionException {
        while (state == ClientState.CONNECTING) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMs <= 0) {
                throw new ConnectionException("Not connected: reconnecting to " + servers() + " since " + lostReason);
            }
            try {
                lock.wait(leftMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectionException("Interrupted while reconnecting");
            }
        }
        switch (state) {
            case CONNECTED:
                if (closing) {
                    throw new ConnectionException("Session closed");
                }
                return connection;
            case CLOSED:
                throw new ConnectionException("Session closed");
            case EXPIRED:
                throw new ConnectionException("Session expired");
            case LOST:
                throw new ConnectionException("Connection lost: " + lostReason);
            default:
                throw new IllegalStateException("unexpected state " + state);
        }
    }

    private static Reply await(CompletableFuture<Reply> reply, long deadline, Connection c) throws ConnectionException {
        try {
            return reply.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw (ConnectionException) e.getCause();
        } catch (TimeoutException e) {
            throw new ConnectionException("No answer from " + c + " in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("Interrupted while waiting for " + c);
        }
    }

    private CompletableFuture<Reply> sendAuth(Connection c, AuthPacket packet) throws ConnectionException {
        AuthWait wait = new AuthWait(packet, new CompletableFuture<>());
        // The queue's order must be the order on the wire.
        synchronized (c) {
            authReplies.add(wait);
            try {
                c.send(new RequestHeader(AUTH_XID, OpCode.AUTH), packet);
            } catch (IOException e) {
                authReplies.remove(wait);
                c.close();
                throw new ConnectionException("Connection lost to " + c + ": " + describe(e));
            }
        }
        return wait.reply();
    }

    // ------------------------------------------------------------------ the reader thread

    private void run() {
        while (true) {
            Connection c;
            synchronized (lock) {
                if (state.isTerminal() || closing && state != ClientState.CONNECTED) {
                    return;
                }
                c = connection;
            }
            String reason = readUntilLost(c);
            if (!lost(c, reason)) {
                return;
            }
            reconnect(c.server());
        }
    }

    /** Reads and dispatches frames, pinging when idle, until the connection fails; returns why. */
    private String readUntilLost(Connection c) {
        long pingNanos;
        long silenceNanos;
        synchronized (lock) {
            pingNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs / 3);
            silenceNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs * 2L / 3);
        }
        try {
            while (true) {
                Optional<ByteBuffer> frame = c.poll();
                if (frame.isPresent()) {
                    dispatch(c, frame.get());
                }
                long now = System.nanoTime();
                if (now - c.lastReceiveNanos() > silenceNanos) {
                    return "no answer from " + c + " for " + TimeUnit.NANOSECONDS.toMillis(silenceNanos) + " ms";
                }
                if (now - c.lastSendNanos() >= pingNanos) {
                    c.send(new RequestHeader(PING_XID, OpCode.PING), null);
                }
            }
        } catch (JuteException | RuntimeException e) {
            return "bad reply from " + c + ": " + e.getMessage();
        } catch (IOException e) {
            return describe(e);
        }
    }

    private void dispatch(Connection c, ByteBuffer frame) throws IOException {
        JuteInput in = new JuteInput(frame, Connection.MAX_FRAME_BYTES);
        ReplyHeader header = ReplyHeader.read(in);
        switch (header.xid()) {
            case PING_XID:
                return;
            case SET_WATCHES_XID:
                if (header.err() != KeeperError.OK.code()) {
                    LOG.debug("setWatches on {} failed: {}", c, header.err());
                }
                return;
            case NOTIFICATION_XID:
                notification(header, WatcherEvent.read(in));
                return;
            case AUTH_XID:
                authReply(c, header);
                return;
            default:
                break;
        }
        if (header.zxid() > 0) {
            lastZxid = header.zxid();
        }
        Pending request = pending.remove(header.xid());
        if (request == null) {
            LOG.debug("Reply from {} to xid {}, which nobody waits for", c, header.xid());
            return;
        }
        if (request.watchPath() != null) {
            watches.answered(request.op(), request.watchPath(), header.err());
        }
        request.reply().complete(new Reply(header, in));
    }

    private void notification(ReplyHeader header, WatcherEvent event) {
        EventType type;
        KeeperState state;
        try {
            type = EventType.ofCode(event.type());
            state = KeeperState.ofCode(event.state());
        } catch (IllegalArgumentException e) {
            LOG.debug("Ignoring a notification of unknown kind: {}", event);
            return;
        }
        watches.fired(type, event.path());
        listener.accept(new WatchEvent(state, type, event.path(), header.zxid()));
    }

    /**
     * The server's word on credentials. After a rejection the server closes the connection;
     * unlike Apache ZooKeeper's client, which then gives the session up, this one moves it to a
     * new connection without those credentials.
     *
     * @throws IOException after a rejection, to end reading on this connection
     */
    private void authReply(Connection c, ReplyHeader header) throws IOException {
        AuthWait wait = authReplies.poll();
        boolean rejected = header.err() != KeeperError.OK.code();
        if (rejected) {
            synchronized (lock) {
                if (wait != null) {
                    auths.remove(wait.packet());
                }
                // Requests from now on wait for the next connection instead of going out on this one.
                if (connection == c && !closing) {
                    connection = null;
                    state = ClientState.CONNECTING;
                    lostReason = "the server closed the connection after rejecting credentials";
                }
            }
            listener.accept(WatchEvent.ofState(KeeperState.AUTH_FAILED));
        }
        if (wait != null) {
            wait.reply().complete(new Reply(header, null));
        } else {
            LOG.debug("An auth reply nobody waits for: err {}", header.err());
        }
        if (rejected) {
            throw new IOException("the server rejected credentials and closes the connection");
        }
    }

    /**
     * The connection broke: fails what was out on it and says whether to reconnect (not when the
     * session is being closed).
     */
    private boolean lost(Connection c, String reason) {
        boolean reconnect;
        synchronized (lock) {
            reconnect = !closing && !state.isTerminal();
            if (connection == c) {
                connection = null;
            }
            if (reconnect) {
                state = ClientState.CONNECTING;
                lostReason = "the connection to " + c + " was lost (" + reason + ")";
            }
            lock.notifyAll();
        }
        c.close();
        failPending(c, "Connection lost to " + c + ": " + reason);
        if (reconnect) {
            LOG.debug("Connection to {} lost: {}", c, reason);
            listener.accept(WatchEvent.ofState(KeeperState.DISCONNECTED));
        }
        return reconnect;
    }

    /** Fails the requests out on {@code c}, or on any connection if null. */
    private void failPending(Connection c, String message) {
        for (Pending request : List.copyOf(pending.values())) {
            if (c == null || request.connection() == c) {
                pending.values().remove(request);
                request.reply().completeExceptionally(new ConnectionException(message));
            }
        }
        AuthWait auth;
        while ((auth = authReplies.poll()) != null) {
            auth.reply().completeExceptionally(new ConnectionException(message));
        }
    }

    /**
     * Tries the servers in turn, starting after {@code lostServer}, until one takes the session,
     * one says it expired, or the session timeout has passed.
     */
    private void reconnect(HostPort lostServer) {
        List<HostPort> servers = config.servers();
        int next = (Math.max(0, servers.indexOf(lostServer)) + 1) % servers.size();
        // Give up once the session has surely expired: the granted timeout after the loss.
        int timeout = timeoutMs();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        long backoffMs = 50;
        List<String> failures = new ArrayList<>();
        for (int attempt = 0; System.nanoTime() < deadline && !isClosing(); attempt++) {
            HostPort server = servers.get((next + attempt) % servers.size());
            if (attempt > 0 && attempt % servers.size() == 0) {
                if (!pause(Math.min(backoffMs, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())))) {
                    return;
                }
                backoffMs = Math.min(2 * backoffMs, MAX_BACKOFF_MS);
                failures.clear();
            }
            int leftMs = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            // Ask for the timeout asked at first, as Apache ZooKeeper's client does; the server grants anew.
            ConnectRequest request = new ConnectRequest(0, lastZxid, config.sessionTimeoutMs(), sessionId, password,
                    false, true);
            try {
                Connection c = Connection.open(server, request, Math.min(leftMs, timeout));
                if (resume(c)) {
                    return;
                }
                failures.add(server + " (the connection broke while the session resumed)");
            } catch (IOException e) {
                failures.add(server + " (" + describe(e) + ")");
            }
        }
        synchronized (lock) {
            if (state == ClientState.CONNECTING) {
                state = ClientState.LOST;
                lostReason = lostReason + ", and no server took the session again within " + timeout + " ms"
                        + (failures.isEmpty() ? "" : ": " + String.join(", ", failures));
                lock.notifyAll();
            }
        }
    }

    /**
     * Takes the session up on a new connection: sends the credentials and watches, then lets
     * requests through. Returns false to try another server; true when done (resumed, or expired).
     */
    private boolean resume(Connection c) {
        ConnectResponse response = c.response();
        if (response.timeOut() <= 0) {
            c.close();
            synchronized (lock) {
                state = ClientState.EXPIRED;
                lock.notifyAll();
            }
            LOG.debug("Session 0x{} expired", Long.toHexString(sessionId));
            listener.accept(WatchEvent.ofState(KeeperState.EXPIRED));
            return true;
        }
        List<AuthPacket> credentials;
        synchronized (lock) {
            credentials = List.copyOf(auths);
        }
        try {
            c.setTickMs(tickMs(response.timeOut()));
            for (AuthPacket packet : credentials) {
                sendAuth(c, packet);
            }
            if (!watches.isEmpty()) {
                c.send(new RequestHeader(SET_WATCHES_XID, OpCode.SET_WATCHES), watches.toSetWatches(lastZxid));
            }
        } catch (IOException | ConnectionException e) {
            c.close();
            failPending(c, "the connection to " + c + " broke while the session resumed");
            return false;
        }
        synchronized (lock) {
            if (closing) {
                c.close();
                return true;
            }
            connection = c;
            lastServer = c.server();
            timeoutMs = response.timeOut();
            state = ClientState.CONNECTED;
            lock.notifyAll();
        }
        LOG.debug("Session 0x{} moved to {}", Long.toHexString(sessionId), c);
        listener.accept(WatchEvent.ofState(KeeperState.SYNC_CONNECTED));
        return true;
    }

    private boolean isClosing() {
        synchronized (lock) {
            return closing;
        }
    }

    /** Sleeps between rounds of the server list; false if interrupted (the client is closing). */
    private static boolean pause(long ms) {
        try {
            Thread.sleep(Math.max(0, ms));
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private String servers() {
        return config.servers().stream().map(HostPort::toString).reduce((a, b) -> a + "," + b).orElse("");
    }

    /** The reader's read timeout: short enough to ping on time, long enough not to spin. */
    private static int tickMs(int sessionTimeoutMs) {
        return Math.max(10, Math.min(1000, sessionTimeoutMs / 6));
    }

    /** One line: the exception's message, or its kind when it has none. */
    static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + message;
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
