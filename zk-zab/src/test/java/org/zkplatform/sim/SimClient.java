package org.zkplatform.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.testkit.linearizability.HistoryRecorder;
import org.zkplatform.testkit.linearizability.ZnodeOp;
import org.zkplatform.testkit.linearizability.ZnodeResult;
import org.zkplatform.zab.proto.ConnectRequest;
import org.zkplatform.zab.proto.ConnectResponse;
import org.zkplatform.zab.proto.CreateMode;
import org.zkplatform.zab.proto.CreateRequest;
import org.zkplatform.zab.proto.DeleteRequest;
import org.zkplatform.zab.proto.GetDataRequest;
import org.zkplatform.zab.proto.GetDataResponse;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.ReplyHeader;
import org.zkplatform.zab.proto.RequestHeader;
import org.zkplatform.zab.proto.SetDataRequest;
import org.zkplatform.zab.proto.SetDataResponse;
import org.zkplatform.zab.proto.SyncRequest;
import org.zkplatform.zab.proto.WatcherEvent;
import org.zkplatform.zab.tree.DataTree;

/**
 * A client speaking ZooKeeper's wire protocol to the simulated servers, as the Java client does:
 * one session, moved to another server when its connection breaks or goes silent for two thirds of
 * the session timeout, a new session after expiry. It issues one operation at a time on a few
 * registers (create, setData with and without a version, delete, getData with watches, sync then
 * getData) and ephemeral znodes, and records every operation for the checks.
 */
final class SimClient implements ConnectionHandler {

    private static final int SESSION_TIMEOUT_MILLIS = 2000;
    private static final int PING_XID = -2;
    private static final int NOTIFICATION_XID = -1;

    private enum Kind { CREATE, WRITE, CAS, DELETE, READ, SYNC_READ, EPHEMERAL }

    /** One request on the wire, and how its answer is recorded. */
    private static final class Outstanding {
        final int xid;
        final Kind kind;
        final String path;
        final HistoryRecorder.Handle<ZnodeOp> lin;
        final HistoryRecorder.Handle<ZnodeOp> session;
        final boolean watch;
        /** A sync's own reply, after which the read that follows it is answered. */
        boolean syncPart;

        Outstanding(int xid, Kind kind, String path, HistoryRecorder.Handle<ZnodeOp> lin,
                    HistoryRecorder.Handle<ZnodeOp> session, boolean watch) {
            this.xid = xid;
            this.kind = kind;
            this.path = path;
            this.lin = lin;
            this.session = session;
            this.watch = watch;
        }
    }

    /** A data watch set by a read: the version it saw, on which connection. */
    private record Watch(long mzxid, int version, int connection) {
    }

    private final Simulation run;
    private final SimWorld world;
    private final SimTransport transport;
    final int node;
    private final int index;
    private final List<String> keys;
    private final HistoryRecorder<ZnodeOp, ZnodeResult> lin;
    private final HistoryRecorder<ZnodeOp, ZnodeResult> sessions;
    private Connection connection;
    private int connectionNumber;
    private int server;
    private boolean connecting;
    private boolean awaitingSession;
    private ByteBuffer pendingBytes = ByteBuffer.allocate(0);
    private long sessionId;
    private byte[] passwd = new byte[16];
    private int sessionNumber;
    private long lastZxidSeen;
    private long lastHeardNanos;
    private int nextXid = 1;
    private int opsIssued;
    private boolean stopped;
    private final ArrayDeque<Outstanding> outstanding = new ArrayDeque<>();
    private final Map<String, Watch> watches = new HashMap<>();
    /** Ephemeral znodes this client's current session created and had acknowledged. */
    private final Map<String, Long> ephemerals = new LinkedHashMap<>();
    private long pingToken;

    SimClient(Simulation run, int node, int index, List<String> keys, HistoryRecorder<ZnodeOp, ZnodeResult> lin,
              HistoryRecorder<ZnodeOp, ZnodeResult> sessions) {
        this.run = run;
        this.world = run.world;
        this.node = node;
        this.index = index;
        this.keys = keys;
        this.lin = lin;
        this.sessions = sessions;
        this.transport = run.transportOf(node);
    }

    private String process() {
        return "c" + index + "s" + sessionNumber;
    }

    // ------------------------------------------------------------------ connecting

    void start() {
        connect();
    }

    /** No new operations from now on. */
    void stop() {
        stopped = true;
    }

    private void connect() {
        if (connecting) {
            return;
        }
        connecting = true;
        server = 1 + (int) world.between(0, run.serverCount() - 1);
        transport.connect(SimServerAddresses.client(server), Duration.ofMillis(1000), this).whenComplete((c, error) -> {
            if (error != null) {
                connecting = false;
                world.afterMillis(world.between(50, 300), node, this::connect);
            }
        });
    }

    @Override
    public void onOpen(Connection opened) {
        connection = opened;
        connectionNumber++;
        connecting = false;
        awaitingSession = true;
        pendingBytes = ByteBuffer.allocate(0);
        lastHeardNanos = world.nowNanos();
        send(null, new ConnectRequest(0, lastZxidSeen, SESSION_TIMEOUT_MILLIS, sessionId, passwd, false, true));
        armSilenceCheck(connectionNumber);
    }

    @Override
    public void onClose(Connection closed, Optional<Throwable> cause) {
        if (closed != connection) {
            return;
        }
        connectionLost();
    }

    /** The connection is gone: what was asked on it has an unknown outcome; its watches are gone with it. */
    private void connectionLost() {
        Connection lost = connection;
        connection = null;
        awaitingSession = false;
        for (Outstanding o : outstanding) {
            unknown(o);
        }
        outstanding.clear();
        watches.clear();
        if (lost != null && lost.isOpen()) {
            lost.close();
        }
        world.afterMillis(world.between(10, 200), node, this::connect);
    }

    /** The Java client gives up on a connection that says nothing for two thirds of the session timeout. */
    private void armSilenceCheck(int number) {
        long limitNanos = SESSION_TIMEOUT_MILLIS * 2L / 3 * SimWorld.NANOS_PER_MILLI;
        world.at(limitNanos / 4, node, () -> {
            if (connection == null || number != connectionNumber) {
                return;
            }
            if (world.nowNanos() - lastHeardNanos > limitNanos) {
                connectionLost();
            } else {
                armSilenceCheck(number);
            }
        });
    }

    private void ping(long token) {
        if (token != pingToken || connection == null || awaitingSession) {
            return;
        }
        send(new RequestHeader(PING_XID, OpCode.PING), null);
        world.afterMillis(SESSION_TIMEOUT_MILLIS / 3, node, () -> ping(token));
    }

    // ------------------------------------------------------------------ the wire

    private void send(JuteRecord header, JuteRecord body) {
        JuteOutput out = new JuteOutput(64);
        int at = out.reserveInt();
        if (header != null) {
            header.write(out);
        }
        if (body != null) {
            body.write(out);
        }
        out.patchInt(at, out.size() - at - 4);
        connection.write(out.toByteBuffer());
    }

    @Override
    public void onData(Connection from, ByteBuffer data) {
        if (from != connection) {
            return;
        }
        lastHeardNanos = world.nowNanos();
        ByteBuffer joined = ByteBuffer.allocate(pendingBytes.remaining() + data.remaining());
        joined.put(pendingBytes).put(data).flip();
        // Each pass takes one whole frame; bounded by the bytes received.
        while (joined.remaining() >= 4 && connection == from) {
            int length = joined.getInt(joined.position());
            if (joined.remaining() < 4 + length) {
                break;
            }
            joined.getInt();
            ByteBuffer frame = joined.slice();
            frame.limit(length);
            joined.position(joined.position() + length);
            try {
                frame(new JuteInput(frame));
            } catch (JuteException e) {
                run.violation("client " + index + " got an unreadable frame from server " + server + ": " + e.getMessage());
                connectionLost();
                return;
            }
        }
        pendingBytes = joined.slice();
    }

    private void frame(JuteInput in) throws JuteException {
        if (awaitingSession) {
            sessionAnswer(ConnectResponse.read(in));
            return;
        }
        ReplyHeader header = ReplyHeader.read(in);
        if (header.zxid() > 0) {
            lastZxidSeen = Math.max(lastZxidSeen, header.zxid());
        }
        if (header.xid() == PING_XID) {
            return;
        }
        if (header.xid() == NOTIFICATION_XID) {
            notification(WatcherEvent.read(in));
            return;
        }
        Outstanding head = outstanding.peekFirst();
        if (head == null || head.xid != header.xid()) {
            run.violation("client " + index + " session 0x" + Long.toHexString(sessionId) + " got the reply to xid "
                    + header.xid() + " while waiting for " + (head == null ? "nothing" : "xid " + head.xid)
                    + ": replies out of order");
            connectionLost();
            return;
        }
        outstanding.pollFirst();
        world.mix(header.xid() * 31L + header.err());
        answer(head, KeeperError.ofCode(header.err()), in);
        if (outstanding.isEmpty()) {
            world.afterMillis(world.between(0, 40), node, this::nextOp);
        }
    }

    private void sessionAnswer(ConnectResponse response) {
        awaitingSession = false;
        if (response.timeOut() <= 0) {
            // Expired: its ephemerals went with it; a new session, a new process for the checks.
            sessionId = 0;
            passwd = new byte[16];
            ephemerals.clear();
            sessionNumber++;
            Connection stale = connection;
            connection = null;
            stale.close();
            world.afterMillis(world.between(10, 100), node, this::connect);
            return;
        }
        if (sessionId != 0 && response.sessionId() != sessionId) {
            run.violation("client " + index + " resumed session 0x" + Long.toHexString(sessionId) + " but got 0x"
                    + Long.toHexString(response.sessionId()));
        }
        sessionId = response.sessionId();
        passwd = response.passwd();
        long token = ++pingToken;
        world.afterMillis(SESSION_TIMEOUT_MILLIS / 3, node, () -> ping(token));
        world.afterMillis(world.between(0, 40), node, this::nextOp);
    }

    // ------------------------------------------------------------------ operations

    private void nextOp() {
        if (stopped || connection == null || awaitingSession || !outstanding.isEmpty()) {
            return;
        }
        String key = keys.get((int) world.between(0, keys.size() - 1));
        String value = "c" + index + "-" + (++opsIssued);
        int roll = (int) world.between(0, 99);
        int xid = nextXid++;
        if (roll < 12) {
            issue(xid, Kind.CREATE, key, new ZnodeOp.Create(key, value), true, new RequestHeader(xid, OpCode.CREATE),
                    new CreateRequest(key, bytes(value), DataTree.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT.flag()), false);
        } else if (roll < 32) {
            issue(xid, Kind.WRITE, key, new ZnodeOp.Write(key, value), true, new RequestHeader(xid, OpCode.SET_DATA),
                    new SetDataRequest(key, bytes(value), -1), false);
        } else if (roll < 52) {
            int expected = (int) world.between(0, 6);
            issue(xid, Kind.CAS, key, new ZnodeOp.Cas(key, value, expected), true,
                    new RequestHeader(xid, OpCode.SET_DATA), new SetDataRequest(key, bytes(value), expected), false);
        } else if (roll < 60) {
            int expected = world.chance(0.5) ? -1 : (int) world.between(0, 6);
            issue(xid, Kind.DELETE, key, new ZnodeOp.Delete(key, expected), true, new RequestHeader(xid, OpCode.DELETE),
                    new DeleteRequest(key, expected), false);
        } else if (roll < 80) {
            boolean watch = world.chance(0.5);
            issue(xid, Kind.READ, key, new ZnodeOp.Read(key), false, new RequestHeader(xid, OpCode.GET_DATA),
                    new GetDataRequest(key, watch), watch);
        } else if (roll < 92) {
            syncThenRead(xid, key);
        } else {
            String path = "/eph-c" + index + "-" + opsIssued;
            Outstanding o = new Outstanding(xid, Kind.EPHEMERAL, path, null, null, false);
            outstanding.add(o);
            send(new RequestHeader(xid, OpCode.CREATE), new CreateRequest(path, bytes(value), DataTree.OPEN_ACL_UNSAFE,
                    CreateMode.EPHEMERAL.flag()));
        }
    }

    private void issue(int xid, Kind kind, String path, ZnodeOp op, boolean linearizable, RequestHeader header,
                       JuteRecord body, boolean watch) {
        HistoryRecorder.Handle<ZnodeOp> linHandle = linearizable ? lin.invoke(process(), op) : null;
        HistoryRecorder.Handle<ZnodeOp> sessionHandle = sessions.invoke(process(), op);
        outstanding.add(new Outstanding(xid, kind, path, linHandle, sessionHandle, watch));
        send(header, body);
    }

    /** A sync, then a read pipelined behind it: the read is as new as the sync, so it belongs in the linearizable history. */
    private void syncThenRead(int xid, String key) {
        ZnodeOp op = new ZnodeOp.Read(key);
        HistoryRecorder.Handle<ZnodeOp> linHandle = lin.invoke(process(), op);
        HistoryRecorder.Handle<ZnodeOp> sessionHandle = sessions.invoke(process(), op);
        Outstanding sync = new Outstanding(xid, Kind.SYNC_READ, key, null, null, false);
        sync.syncPart = true;
        outstanding.add(sync);
        send(new RequestHeader(xid, OpCode.SYNC), new SyncRequest(key));
        int readXid = nextXid++;
        outstanding.add(new Outstanding(readXid, Kind.SYNC_READ, key, linHandle, sessionHandle, false));
        send(new RequestHeader(readXid, OpCode.GET_DATA), new GetDataRequest(key, false));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private void answer(Outstanding o, KeeperError err, JuteInput in) throws JuteException {
        if (o.syncPart) {
            if (err != KeeperError.OK) {
                run.note("client " + index + ": sync failed with " + err);
            }
            return;
        }
        switch (o.kind) {
            case CREATE -> definite(o, err == KeeperError.OK ? ZnodeResult.Status.OK
                    : err == KeeperError.NODE_EXISTS ? ZnodeResult.Status.NODE_EXISTS : null);
            case WRITE, CAS -> {
                if (err == KeeperError.OK) {
                    int version = SetDataResponse.read(in).stat().version();
                    definite(o, new ZnodeResult.Updated(version));
                } else {
                    definite(o, err == KeeperError.NO_NODE ? ZnodeResult.Status.NO_NODE
                            : err == KeeperError.BAD_VERSION ? ZnodeResult.Status.BAD_VERSION : null);
                }
            }
            case DELETE -> definite(o, err == KeeperError.OK ? ZnodeResult.Status.OK
                    : err == KeeperError.NO_NODE ? ZnodeResult.Status.NO_NODE
                    : err == KeeperError.BAD_VERSION ? ZnodeResult.Status.BAD_VERSION : null);
            case READ, SYNC_READ -> {
                if (err == KeeperError.OK) {
                    GetDataResponse data = GetDataResponse.read(in);
                    readSeen(o.path, data.stat().mzxid(), false);
                    if (o.watch) {
                        watches.put(o.path, new Watch(data.stat().mzxid(), data.stat().version(), connectionNumber));
                    }
                    definite(o, new ZnodeResult.Data(new String(data.data(), StandardCharsets.UTF_8),
                            data.stat().version()));
                } else {
                    if (err == KeeperError.NO_NODE) {
                        readSeen(o.path, 0, true);
                    }
                    definite(o, err == KeeperError.NO_NODE ? ZnodeResult.Status.NO_NODE : null);
                }
            }
            case EPHEMERAL -> {
                if (err == KeeperError.OK) {
                    ephemerals.put(o.path, sessionId);
                }
            }
            default -> throw new IllegalStateException(o.kind.toString());
        }
    }

    /** Records a definite result, or an unknown outcome for an error that says nothing of the register. */
    private void definite(Outstanding o, ZnodeResult result) {
        if (result == null) {
            unknown(o);
            return;
        }
        if (o.lin != null) {
            lin.ok(o.lin, result);
        }
        if (o.session != null) {
            sessions.ok(o.session, result);
        }
    }

    private void unknown(Outstanding o) {
        if (o.lin != null) {
            lin.info(o.lin);
        }
        if (o.session != null) {
            sessions.info(o.session);
        }
    }

    // ------------------------------------------------------------------ watches

    /** A read saw {@code path} changed (or gone) since a watch on it: the watch's event must have come first. */
    private void readSeen(String path, long mzxid, boolean gone) {
        Watch watch = watches.get(path);
        if (watch != null && watch.connection() == connectionNumber && (gone || mzxid > watch.mzxid())) {
            run.violation("client " + index + " session 0x" + Long.toHexString(sessionId) + " read " + path
                    + (gone ? " gone" : " at mzxid 0x" + Long.toHexString(mzxid)) + " on server " + server
                    + " before the event of its watch set at mzxid 0x" + Long.toHexString(watch.mzxid()));
            watches.remove(path);
        }
    }

    private void notification(WatcherEvent event) {
        if (event.path() == null || event.path().isEmpty()) {
            return;
        }
        watches.remove(event.path());
    }

    // ------------------------------------------------------------------ end of the run

    /** Whether this client holds a live connection with a session. */
    boolean connected() {
        return connection != null && !awaitingSession && sessionId != 0;
    }

    long sessionId() {
        return sessionId;
    }

    int server() {
        return server;
    }

    boolean idle() {
        return outstanding.isEmpty();
    }

    /** The watches still set on this connection, path to the mzxid seen. */
    Map<String, Long> watchesSet() {
        Map<String, Long> set = new HashMap<>();
        watches.forEach((path, watch) -> {
            if (watch.connection() == connectionNumber) {
                set.put(path, watch.mzxid());
            }
        });
        return set;
    }

    Map<String, Long> ephemerals() {
        return ephemerals;
    }

    /** Everything still outstanding at the end has an unknown outcome. */
    void finish() {
        for (Outstanding o : outstanding) {
            unknown(o);
        }
        outstanding.clear();
    }

    int index() {
        return index;
    }
}
