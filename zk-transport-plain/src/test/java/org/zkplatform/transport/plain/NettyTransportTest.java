package org.zkplatform.transport.plain;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;

class NettyTransportTest {

    private final Transport server = Loopback.transport("test-server");
    private final Transport client = Loopback.transport("test-client");

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void echoesBytesBack() throws Exception {
        Listener listener = server.listen(Loopback.ANY_PORT, new Loopback.Echo());
        Loopback.Collector received = new Loopback.Collector();
        Connection connection = Loopback.connect(client, listener.localAddress(), received);

        connection.write(Loopback.bytes("hello, "));
        connection.write(Loopback.bytes("zookeeper"));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 16);
        assertEquals("hello, zookeeper", new String(received.bytes(), StandardCharsets.UTF_8));
        assertEquals(listener.localAddress(), connection.remoteAddress());
        assertFalse(connection.isSecure());
        assertTrue(connection.peerIdentity().isEmpty());
    }

    @Test
    void servesAThousandConcurrentConnections() throws Exception {
        int count = 1_000;
        Listener listener = server.listen(Loopback.ANY_PORT, new Loopback.Echo());
        List<CompletableFuture<Connection>> connecting = new ArrayList<>();
        List<Loopback.Collector> collectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Loopback.Collector collector = new Loopback.Collector();
            collectors.add(collector);
            connecting.add(client.connect(listener.localAddress(), Duration.ofSeconds(10), collector)
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            connecting.get(i).get().write(Loopback.bytes("message-" + i));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> collectors.stream()
                .allMatch(c -> c.size() > 0 && c.size() == ("message-" + collectors.indexOf(c)).length()));
        for (int i = 0; i < count; i++) {
            assertEquals("message-" + i, new String(collectors.get(i).bytes(), StandardCharsets.UTF_8));
            assertTrue(connecting.get(i).get().isOpen());
        }
    }

    @Test
    void aPausedReaderStopsTheWriterInsteadOfBufferingWithoutBound() throws Exception {
        AtomicReference<Connection> serverSide = new AtomicReference<>();
        Loopback.Collector received = new Loopback.Collector() {
            @Override
            public void onOpen(Connection connection) {
                connection.pauseReading();
                serverSide.set(connection);
            }
        };
        Listener listener = server.listen(Loopback.ANY_PORT, received);
        WritabilityProbe probe = new WritabilityProbe();
        Connection writer = Loopback.connect(client, listener.localAddress(), probe);
        await().atMost(Duration.ofSeconds(10)).until(() -> serverSide.get() != null);

        // A well-behaved writer writes while the connection is writable and otherwise waits for it
        // to become writable again. Against a paused reader it must end up waiting for good.
        byte[] chunk = new byte[16 * 1024];
        long written = 0;
        int sequence = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long blockedSince = 0;
        while (System.nanoTime() < deadline) {
            if (writer.isWritable()) {
                blockedSince = 0;
                chunk[0] = (byte) sequence++;
                writer.write(ByteBuffer.wrap(chunk.clone()));
                written += chunk.length;
            } else if (blockedSince == 0) {
                blockedSince = System.nanoTime();
            } else if (System.nanoTime() - blockedSince > TimeUnit.SECONDS.toNanos(1)) {
                break;
            } else {
                probe.awaitChange(Duration.ofMillis(50));
            }
        }

        assertFalse(writer.isWritable(), "the writer never met lasting backpressure after " + written + " bytes");
        // In flight is bounded by the kernel's socket buffers plus the high-water mark, not by the writer.
        assertTrue(written < 64L * 1024 * 1024, "wrote " + written + " bytes into a paused reader");
        assertEquals(0, received.size(), "the paused reader still received bytes");

        serverSide.get().resumeReading();
        long expected = written;
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == expected);
        await().atMost(Duration.ofSeconds(10)).until(writer::isWritable);
        assertTrue(probe.sawWritableAgain, "no writability event announced the drained buffer");
        byte[] all = received.bytes();
        for (int i = 0; i < sequence; i++) {
            assertEquals((byte) i, all[i * chunk.length], "chunk " + i + " out of order");
        }
    }

    @Test
    void connectingToAClosedPortFailsWithAClearError() throws Exception {
        Listener listener = server.listen(Loopback.ANY_PORT, new Loopback.Echo());
        InetSocketAddress address = listener.localAddress();
        listener.close();

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> Loopback.connect(client, address, new Loopback.Collector()));

        TransportException cause = assertInstanceOf(TransportException.class, failure.getCause());
        assertEquals("cannot connect to 127.0.0.1:" + address.getPort() + ": connection refused", cause.getMessage());
    }

    @Test
    void listeningOnAPortInUseNamesThePort() throws Exception {
        Listener first = server.listen(Loopback.ANY_PORT, new Loopback.Echo());
        int port = first.localAddress().getPort();

        TransportException failure = assertThrows(TransportException.class,
                () -> client.listen(new InetSocketAddress("127.0.0.1", port), new Loopback.Echo()));

        assertEquals("port " + port + " on 127.0.0.1 is already in use", failure.getMessage());
    }

    @Test
    void reportsAnOrderlyCloseWithoutACause() throws Exception {
        CompletableFuture<Optional<Throwable>> closed = new CompletableFuture<>();
        Listener listener = server.listen(Loopback.ANY_PORT, new ConnectionHandler() {
            @Override
            public void onData(Connection connection, ByteBuffer data) {
            }

            @Override
            public void onClose(Connection connection, Optional<Throwable> cause) {
                closed.complete(cause);
            }
        });
        Connection connection = Loopback.connect(client, listener.localAddress(), new Loopback.Collector());

        connection.close().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(Optional.empty(), closed.get(10, TimeUnit.SECONDS));
        assertFalse(connection.isOpen());
    }

    @Test
    void aHandlerThatThrowsLosesItsConnectionButNotTheListener() throws Exception {
        Listener listener = server.listen(Loopback.ANY_PORT, new ConnectionHandler() {
            @Override
            public void onData(Connection connection, ByteBuffer data) {
                if (data.get(0) == 'x') {
                    throw new IllegalStateException("handler bug");
                }
                new Loopback.Echo().onData(connection, data);
            }
        });
        Connection bad = Loopback.connect(client, listener.localAddress(), new Loopback.Collector());
        bad.write(Loopback.bytes("x"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !bad.isOpen());

        Loopback.Collector received = new Loopback.Collector();
        Connection good = Loopback.connect(client, listener.localAddress(), received);
        good.write(Loopback.bytes("ok"));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
    }

    /** Lets the writer wait for writability events instead of spinning. */
    private static final class WritabilityProbe extends Loopback.Collector {
        private final Object lock = new Object();
        volatile boolean sawWritableAgain;

        @Override
        public void onWritabilityChanged(Connection connection, boolean writable) {
            if (writable) {
                sawWritableAgain = true;
            }
            synchronized (lock) {
                lock.notifyAll();
            }
        }

        void awaitChange(Duration timeout) throws InterruptedException {
            synchronized (lock) {
                lock.wait(timeout.toMillis());
            }
        }
    }
}
