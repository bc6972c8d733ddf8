package org.zkplatform.zab.server;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.ReplyHeader;

/**
 * One client connection. The transport side (decoding, flow control) is touched by the
 * connection's I/O callbacks only; everything else only by the driver thread, which is what
 * keeps a session's replies in order without locks.
 */
public final class ClientConnection {

    final Connection transport;
    final long establishedMillis;
    final FrameDecoder decoder;
    /** Requests received and not yet answered; reading pauses above the limit. */
    final AtomicInteger inFlight = new AtomicInteger();

    // I/O side only.
    boolean connectReceived;

    // Driver thread only, from here on.
    long sessionId;
    int timeoutMs;
    boolean readOnlyPresent;
    final AuthIds authIds = new AuthIds();
    /** The session's requests in arrival order, from the first not yet answered. */
    final Deque<PendingRequest> queue = new ArrayDeque<>();
    private JuteOutput outbox;
    boolean closing;
    final ConnectionStats stats;

    ClientConnection(Connection transport, long establishedMillis, int maxFrameBytes) {
        this.transport = transport;
        this.establishedMillis = establishedMillis;
        this.decoder = new FrameDecoder(maxFrameBytes);
        this.stats = new ConnectionStats(establishedMillis);
    }

    InetSocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    boolean hasSession() {
        return sessionId != 0;
    }

    /** Queues a framed reply (header, then body if any); sent at the end of the driver's batch. */
    void send(ReplyHeader header, JuteRecord body) {
        if (closing) {
            return;
        }
        JuteOutput out = outbox();
        int lengthAt = out.reserveInt();
        header.write(out);
        if (body != null) {
            body.write(out);
        }
        out.patchInt(lengthAt, out.size() - lengthAt - 4);
        stats.sent++;
    }

    /** Queues a framed record without a reply header (the ConnectResponse). */
    void sendBare(JuteRecord record) {
        JuteOutput out = outbox();
        int lengthAt = out.reserveInt();
        record.write(out);
        out.patchInt(lengthAt, out.size() - lengthAt - 4);
        stats.sent++;
    }

    private JuteOutput outbox() {
        if (outbox == null) {
            outbox = new JuteOutput(512);
        }
        return outbox;
    }

    /** Whether replies wait to be written. */
    boolean hasOutput() {
        return outbox != null;
    }

    /** Hands the queued replies to the transport in one write, then closes if asked to. */
    void flush() {
        if (outbox != null) {
            transport.write(outbox.toByteBuffer());
            outbox = null;
        }
        if (closing) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return remoteAddress() + (hasSession() ? " session 0x" + Long.toHexString(sessionId) : "");
    }
}
