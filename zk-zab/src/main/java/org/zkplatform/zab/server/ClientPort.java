package org.zkplatform.zab.server;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.zab.proto.ConnectRequest;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.RequestHeader;

/**
 * The I/O side of the client port: turns each connection's bytes into core events. Hostile or
 * broken input (a length out of bounds, a frame that does not decode, too many connections from
 * one address, a connection that never starts a session) closes that connection alone, with one
 * WARN line; nothing reaches the core that it cannot handle.
 */
public final class ClientPort implements ConnectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ClientPort.class);

    private final int maxFrameBytes;
    private final int maxPerIp;
    private final int maxOutstanding;
    private final long sessionlessTimeoutMs;
    private final Consumer<CoreEvent> core;
    private final Clock clock;
    private final Map<Connection, ClientConnection> connections = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perIp = new ConcurrentHashMap<>();

    public ClientPort(int maxFrameBytes, int maxPerIp, int maxOutstanding, long sessionlessTimeoutMs, Consumer<CoreEvent> core,
               Clock clock) {
        this.maxFrameBytes = maxFrameBytes;
        this.maxPerIp = maxPerIp;
        this.maxOutstanding = maxOutstanding;
        this.sessionlessTimeoutMs = sessionlessTimeoutMs;
        this.core = core;
        this.clock = clock;
    }

    @Override
    public void onOpen(Connection connection) {
        InetAddress address = connection.remoteAddress().getAddress();
        int count = perIp.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        ClientConnection c = new ClientConnection(connection, clock.currentTimeMillis(), maxFrameBytes);
        connections.put(connection, c);
        if (maxPerIp > 0 && count > maxPerIp) {
            LOG.warn("Closing connection from {}: {} connections from {} exceed the limit of {} (maxClientCnxns)",
                    connection.remoteAddress(), count, address.getHostAddress(), maxPerIp);
            connection.close();
        }
    }

    @Override
    public void onData(Connection connection, ByteBuffer data) {
        ClientConnection c = connections.get(connection);
        if (c != null) {
            c.decoder.feed(data, new Frames(c));
        }
    }

    @Override
    public void onWritabilityChanged(Connection connection, boolean writable) {
        // A client that does not read its replies stops being read from: its replies cannot pile up.
        ClientConnection c = connections.get(connection);
        if (c == null) {
            return;
        }
        if (!writable) {
            connection.pauseReading();
        } else if (c.inFlight.get() < maxOutstanding) {
            connection.resumeReading();
        }
    }

    @Override
    public void onClose(Connection connection, Optional<Throwable> cause) {
        ClientConnection c = connections.remove(connection);
        AtomicInteger count = perIp.get(connection.remoteAddress().getAddress());
        if (count != null && count.decrementAndGet() <= 0) {
            perIp.remove(connection.remoteAddress().getAddress(), count);
        }
        if (c != null && c.connectReceived) {
            core.accept(new CoreEvent.Closed(c));
        }
        cause.ifPresent(e -> LOG.debug("Connection from {} closed: {}", connection.remoteAddress(), e.toString()));
    }

    /** Closes connections that have not asked for a session in time. Called on the driver thread. */
    public void closeSessionless() {
        long now = clock.currentTimeMillis();
        for (ClientConnection c : connections.values()) {
            if (!c.connectReceived && now - c.establishedMillis > sessionlessTimeoutMs) {
                LOG.warn("Closing connection from {}: no session request within {} ms", c.remoteAddress(),
                        sessionlessTimeoutMs);
                c.transport.close();
            }
        }
    }

    /** Open connections, for tests and metrics. */
    int connectionCount() {
        return connections.size();
    }

    private void reject(ClientConnection c, String why) {
        LOG.warn("Closing connection from {}: {}", c.remoteAddress(), why);
        c.transport.close();
    }

    /** Decodes one connection's frames; runs on its I/O callbacks only. */
    private final class Frames implements FrameDecoder.Sink {
        private final ClientConnection c;

        Frames(ClientConnection c) {
            this.c = c;
        }

        @Override
        public boolean firstWord(int word) {
            String command = FourLetterWords.commandOf(word);
            if (command == null) {
                return false;
            }
            c.transport.pauseReading();
            core.accept(new CoreEvent.FourLetterWord(c, command));
            return true;
        }

        @Override
        public void badLength(int length) {
            reject(c, "frame length " + length + " is outside 0.." + maxFrameBytes + " (jute.maxbuffer)");
        }

        @Override
        public void frame(ByteBuffer frame) {
            JuteInput in = new JuteInput(frame, maxFrameBytes);
            if (!c.connectReceived) {
                try {
                    ConnectRequest request = ConnectRequest.read(in);
                    c.connectReceived = true;
                    core.accept(new CoreEvent.Connect(c, request));
                } catch (JuteException e) {
                    reject(c, "malformed session request: " + e.getMessage());
                }
                return;
            }
            RequestHeader header;
            try {
                header = RequestHeader.read(in);
            } catch (JuteException e) {
                reject(c, "malformed request header: " + e.getMessage());
                return;
            }
            JuteRecord record = null;
            boolean malformed = false;
            try {
                record = RequestDecoder.read(header.type(), in);
            } catch (JuteException e) {
                malformed = true;
                LOG.debug("Malformed body of request {} (type {}) from {}: {}", header.xid(), header.type(),
                        c.remoteAddress(), e.getMessage());
            }
            if (c.inFlight.incrementAndGet() >= maxOutstanding) {
                c.transport.pauseReading();
            }
            core.accept(new CoreEvent.Request(c, header.xid(), header.type(), record, malformed, clock.nanoTime()));
        }
    }
}
