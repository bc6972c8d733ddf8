package org.zkplatform.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.Settings;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportContext;
import org.zkplatform.transport.plain.PlainTransportProvider;

/**
 * The TLS transport as the quorum uses it: host names checked both ways, and the dialing side of
 * a move from plaintext to TLS (listeners that take both, connections out in plaintext).
 */
class QuorumTlsTransportTest {

    @TempDir
    Path dir;
    private Pki pki;
    private final List<Transport> transports = new ArrayList<>();

    @BeforeEach
    void certificates() throws Exception {
        pki = new Pki(dir);
    }

    @AfterEach
    void close() {
        transports.forEach(Transport::close);
    }

    private Transport tls(String purpose, Object... overrides) {
        Transport transport = pki.transport(purpose, overrides);
        transports.add(transport);
        return transport;
    }

    private Transport plain() {
        Transport transport = new PlainTransportProvider().create(Settings.empty(),
                new TransportContext("quorum", Clock.system()));
        transports.add(transport);
        return transport;
    }

    @Test
    void aQuorumListenerRefusesAPeerWhoseCertificateDoesNotNameItsAddress() throws Exception {
        Instant now = Instant.now();
        TestPki.Issued elsewhere = pki.ca.issue("CN=elsewhere,O=zkplatform tests", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)), List.of(new GeneralName(GeneralName.dNSName, "elsewhere.example")));
        SSLContext context = pki.clientContext(elsewhere);
        // hostname-verification = auto: on for the quorum, so a peer dialing from 127.0.0.1 must be named so.
        Listener quorum = tls("quorum").listen(Servers.ANY_PORT, new Servers.Echo());
        assertRefused(context, quorum);
        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), quorum.localAddress())) {
            assertEquals("named", Servers.echo(socket, "named"));
        }
        // The same certificate is fine on a client port, where auto means off, as in ZooKeeper.
        Listener client = tls("client").listen(Servers.ANY_PORT, new Servers.Echo());
        try (SSLSocket socket = Servers.tlsClient(context, client.localAddress())) {
            assertEquals("accepted", Servers.echo(socket, "accepted"));
        }
    }

    @Test
    void aTransportToldToDialPlaintextReachesPlainAndUnifiedListeners() throws Exception {
        Transport dialer = tls("quorum", "mode", "unified", "connect", "plaintext");
        Servers.Echo plainEcho = new Servers.Echo();
        Listener plainListener = plain().listen(Servers.ANY_PORT, plainEcho);
        Servers.Echo unifiedEcho = new Servers.Echo();
        Listener unified = tls("quorum", "mode", "unified").listen(Servers.ANY_PORT, unifiedEcho);

        for (InetSocketAddress address : List.of(plainListener.localAddress(), unified.localAddress())) {
            Replies replies = new Replies();
            Connection connection = connect(dialer, address, replies);
            assertFalse(connection.isSecure());
            connection.write(ByteBuffer.wrap("plain".getBytes(StandardCharsets.UTF_8)));
            assertEquals("plain", replies.await(5));
        }
        assertFalse(plainEcho.nextOpened().isSecure());
        assertFalse(unifiedEcho.nextOpened().isSecure());
    }

    @Test
    void aUnifiedQuorumListenerTakesTlsAndPlaintextPeersAlike() throws Exception {
        Servers.Echo echo = new Servers.Echo();
        Listener unified = tls("quorum", "mode", "unified").listen(Servers.ANY_PORT, echo);
        Path peerStore = pki.client.writePkcs12(dir.resolve("peer.p12"), Pki.PASSWORD);
        Transport tlsPeer = tls("quorum", "mode", "unified", "key-store.location", peerStore.toString());
        Transport plainPeer = tls("quorum", "mode", "unified", "connect", "plaintext");

        Connection secure = connect(tlsPeer, unified.localAddress(), new Replies());
        assertTrue(secure.isSecure());
        Connection accepted = echo.nextOpened();
        assertTrue(accepted.isSecure());
        assertEquals("CN=client1,O=zkplatform tests",
                accepted.peerIdentity().orElseThrow().certificate().getSubjectX500Principal().getName());
        Connection plaintext = connect(plainPeer, unified.localAddress(), new Replies());
        assertFalse(plaintext.isSecure());
        // A unified listener tells plaintext by its first bytes: the dialer speaks first, as quorum peers do.
        plaintext.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 7}));
        assertFalse(echo.nextOpened().isSecure());
    }

    @Test
    void aTlsOnlyQuorumListenerClosesAPeerThatDialsPlaintext() throws Exception {
        Servers.Echo echo = new Servers.Echo();
        Listener tlsOnly = tls("quorum").listen(Servers.ANY_PORT, echo);
        Transport plainPeer = tls("quorum", "mode", "unified", "connect", "plaintext");
        Replies replies = new Replies();
        Connection connection = connect(plainPeer, tlsOnly.localAddress(), replies);
        connection.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8}));
        replies.closed.get(10, TimeUnit.SECONDS);
        assertTrue(echo.opened.isEmpty(), "no connection reached the application");
    }

    private static Connection connect(Transport transport, InetSocketAddress address, ConnectionHandler handler)
            throws Exception {
        return transport.connect(address, Duration.ofSeconds(5), handler).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private static void assertRefused(SSLContext context, Listener listener) throws IOException {
        // With TLS 1.3 the client finishes its handshake before the server checks its certificate,
        // so the refusal may only show on the first exchange.
        try (SSLSocket socket = Servers.tlsClient(context, listener.localAddress())) {
            Servers.echo(socket, "x");
            assertTrue(Servers.closedByServer(socket), "the connection should have been refused");
        } catch (IOException expected) {
            // refused during the handshake or on the first read
        }
    }

    /** What a dialed connection receives, and when it closes. */
    private static final class Replies implements ConnectionHandler {
        private final StringBuilder received = new StringBuilder();
        final CompletableFuture<Optional<Throwable>> closed = new CompletableFuture<>();

        @Override
        public synchronized void onData(Connection connection, ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            received.append(new String(bytes, StandardCharsets.UTF_8));
            notifyAll();
        }

        @Override
        public void onClose(Connection connection, Optional<Throwable> cause) {
            closed.complete(cause);
        }

        synchronized String await(long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (received.length() == 0 && System.nanoTime() < deadline) {
                wait(100);
            }
            return received.toString();
        }
    }
}
