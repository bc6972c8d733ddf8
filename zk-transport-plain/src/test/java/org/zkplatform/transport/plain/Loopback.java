package org.zkplatform.transport.plain;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.zkplatform.api.Settings;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportContext;

/** Small helpers for transport tests over 127.0.0.1. */
final class Loopback {

    static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    private Loopback() {
    }

    static Transport transport(String purpose) {
        return new PlainTransportProvider().create(Settings.empty(), new TransportContext(purpose, Clock.system()));
    }

    static Connection connect(Transport transport, InetSocketAddress address, ConnectionHandler handler)
            throws Exception {
        return transport.connect(address, Duration.ofSeconds(5), handler).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Collects every byte a connection receives. */
    static class Collector implements ConnectionHandler {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        @Override
        public synchronized void onData(Connection connection, ByteBuffer data) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            received.writeBytes(chunk);
        }

        synchronized int size() {
            return received.size();
        }

        synchronized byte[] bytes() {
            return received.toByteArray();
        }
    }

    /** Writes back whatever it receives. */
    static final class Echo implements ConnectionHandler {
        @Override
        public void onData(Connection connection, ByteBuffer data) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            copy.put(data).flip();
            connection.write(copy);
        }
    }
}
