package org.zkplatform.dist.compat.suite;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.proto.AuthPacket;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.SetWatches;
import org.apache.zookeeper.proto.WatcherEvent;

/**
 * One session on a plain socket speaking the client protocol by hand, for what the Apache client
 * hides: the negotiated timeout of any request, a session that just stops pinging, and the
 * server's own error codes and notifications. It never pings and never sends closeSession.
 */
final class RawSession implements AutoCloseable {

    /** A watch notification: the ReplyHeader's zxid and the WatcherEvent. */
    record Notification(long zxid, int type, int state, String path) {
    }

    private static final int NOTIFICATION_XID = -1;
    private static final int AUTH_XID = -4;
    private static final int SET_WATCHES_XID = -8;
    private static final int SOCKET_TIMEOUT_MS = (int) Duration.ofSeconds(ServerFixture.WAIT_SECONDS).toMillis();

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final int negotiatedTimeout;
    private final long sessionId;
    private final byte[] password;
    private final List<Notification> notifications = new ArrayList<>();
    private int nextXid = 1;

    private RawSession(Socket socket, DataInputStream in, DataOutputStream out, int negotiatedTimeout, long sessionId,
            byte[] password) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.negotiatedTimeout = negotiatedTimeout;
        this.sessionId = sessionId;
        this.password = password;
    }

    /** Opens a connection and asks for a new session with the given timeout. */
    static RawSession connect(InetSocketAddress server, int requestedTimeoutMs) {
        Socket socket = new Socket();
        try {
            socket.connect(server, SOCKET_TIMEOUT_MS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            DataOutputStream connect = new DataOutputStream(request);
            connect.writeInt(0); // protocolVersion
            connect.writeLong(0); // lastZxidSeen
            connect.writeInt(requestedTimeoutMs);
            connect.writeLong(0); // sessionId: new session
            connect.writeInt(16);
            connect.write(new byte[16]); // passwd
            connect.writeBoolean(false); // readOnly
            writeFrame(out, request.toByteArray());

            DataInputStream response = new DataInputStream(new ByteArrayInputStream(readFrame(in)));
            response.readInt(); // protocolVersion
            int timeout = response.readInt();
            long sessionId = response.readLong();
            byte[] password = new byte[response.readInt()];
            response.readFully(password);
            return new RawSession(socket, in, out, timeout, sessionId, password);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException(e);
        }
    }

    int negotiatedTimeout() {
        return negotiatedTimeout;
    }

    long sessionId() {
        return sessionId;
    }

    byte[] password() {
        return password.clone();
    }

    /**
     * Sends one request and returns the error code of its reply (0 = OK); notifications that arrive
     * first are kept for {@link #takeNotifications()}.
     */
    int call(int opCode, Record request) {
        return exchange(nextXid++, opCode, request);
    }

    /** Sends an AuthPacket (xid -4) and returns the error code of its reply. */
    int authenticate(String scheme, byte[] auth) {
        return exchange(AUTH_XID, ZooDefs.OpCode.auth, new AuthPacket(0, scheme, auth));
    }

    /** Sends setWatches (xid -8), as a reconnecting client does, and returns the error code of its reply. */
    int setWatches(SetWatches watches) {
        return exchange(SET_WATCHES_XID, ZooDefs.OpCode.setWatches, watches);
    }

    /** The watch notifications received so far, oldest first; clears them. */
    List<Notification> takeNotifications() {
        List<Notification> taken = List.copyOf(notifications);
        notifications.clear();
        return taken;
    }

    private int exchange(int xid, int opCode, Record request) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryOutputArchive archive = BinaryOutputArchive.getArchive(bytes);
            new RequestHeader(xid, opCode).serialize(archive, "header");
            request.serialize(archive, "request");
            writeFrame(out, bytes.toByteArray());
            Instant deadline = Instant.now().plusSeconds(ServerFixture.WAIT_SECONDS);
            while (Instant.now().isBefore(deadline)) {
                ByteArrayInputStream frame = new ByteArrayInputStream(readFrame(in));
                BinaryInputArchive input = BinaryInputArchive.getArchive(frame);
                ReplyHeader header = new ReplyHeader();
                header.deserialize(input, "header");
                if (header.getXid() == xid) {
                    return header.getErr();
                }
                if (header.getXid() != NOTIFICATION_XID) {
                    throw new IllegalStateException("reply xid " + header.getXid() + " while waiting for " + xid);
                }
                WatcherEvent event = new WatcherEvent();
                event.deserialize(input, "event");
                notifications.add(new Notification(header.getZxid(), event.getType(), event.getState(), event.getPath()));
            }
            throw new IllegalStateException("no reply to xid " + xid + " within " + ServerFixture.WAIT_SECONDS + " s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closes this connection within {@code limit}; reads and drops whatever arrives meanwhile. */
    boolean closedByServerWithin(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        try {
            InputStream stream = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (Instant.now().isBefore(deadline)) {
                socket.setSoTimeout((int) Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
                try {
                    if (stream.read(buffer) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    return false;
                } catch (SocketException e) {
                    return true; // reset by the server
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the socket only: the session lives on on the server until it expires. */
    @Override
    public void close() {
        closeQuietly(socket);
    }

    /** Sends a four-letter word on a new connection and reads the answer to the end. */
    static String fourLetterWord(InetSocketAddress server, String word) {
        try (Socket socket = new Socket()) {
            socket.connect(server, SOCKET_TIMEOUT_MS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFrame(DataOutputStream out, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    private static byte[] readFrame(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 20) {
            throw new IOException("frame length " + length);
        }
        byte[] frame = in.readNBytes(length);
        if (frame.length < length) {
            throw new EOFException("connection closed inside a frame");
        }
        return frame;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
