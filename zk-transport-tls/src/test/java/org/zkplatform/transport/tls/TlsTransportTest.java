package org.zkplatform.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.OpenSsl;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;

class TlsTransportTest {

    @TempDir
    Path dir;
    private Pki pki;
    private Transport server;
    private Transport client;

    @BeforeEach
    void certificates() throws Exception {
        pki = new Pki(dir);
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Listener listen(Servers.Echo echo, Object... overrides) throws Exception {
        server = pki.transport("client", overrides);
        return server.listen(Servers.ANY_PORT, echo);
    }

    @Test
    void echoesOverTlsAndExposesTheVerifiedClientCertificate() throws Exception {
        Servers.Echo echo = new Servers.Echo();
        Listener listener = listen(echo);

        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress())) {
            assertEquals("hello, zookeeper", Servers.echo(socket, "hello, zookeeper"));
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            assertEquals(pki.server.certificate(), socket.getSession().getPeerCertificates()[0]);
        }
        Connection accepted = echo.nextOpened();
        assertTrue(accepted.isSecure());
        X509Certificate peer = accepted.peerIdentity().orElseThrow().certificate();
        assertEquals("CN=client1,O=zkplatform tests", peer.getSubjectX500Principal().getName());
        assertEquals(2, accepted.peerIdentity().orElseThrow().certificates().size());
    }

    @Test
    void servesTheSameOverOpenSslWhereNettyTcnativeLoads() throws Exception {
        Assumptions.assumeTrue(OpenSsl.isAvailable(), "netty-tcnative does not load on this platform");
        Servers.Echo echo = new Servers.Echo();
        Listener listener = listen(echo, "provider", "openssl");

        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress())) {
            assertEquals("hello, openssl", Servers.echo(socket, "hello, openssl"));
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
        }
        Connection accepted = echo.nextOpened();
        assertEquals("CN=client1,O=zkplatform tests",
                accepted.peerIdentity().orElseThrow().certificate().getSubjectX500Principal().getName());
    }

    @Test
    void speaksTls12WhenThatIsAllTheClientOffers() throws Exception {
        Listener listener = listen(new Servers.Echo());
        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress(), "TLSv1.2")) {
            assertEquals("over 1.2", Servers.echo(socket, "over 1.2"));
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
        }
    }

    @Test
    void refusesAProtocolNotEnabled() throws Exception {
        Listener listener = listen(new Servers.Echo(), "protocols", java.util.List.of("TLSv1.3"));
        SSLContext context = pki.clientContext(pki.client);
        assertThrows(IOException.class, () -> Servers.tlsClient(context, listener.localAddress(), "TLSv1.2"));
    }

    @Test
    void clientAuthNeedRefusesAClientWithoutCertificateAndKeepsServing() throws Exception {
        Listener listener = listen(new Servers.Echo());
        assertRefused(pki.clientContext(null), listener);
        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress())) {
            assertEquals("still here", Servers.echo(socket, "still here"));
        }
    }

    @Test
    void clientAuthWantAcceptsAClientWithoutCertificate() throws Exception {
        Servers.Echo echo = new Servers.Echo();
        Listener listener = listen(echo, "client-auth", "want");
        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(null), listener.localAddress())) {
            assertEquals("anonymous", Servers.echo(socket, "anonymous"));
        }
        Connection anonymous = echo.nextOpened();
        assertTrue(anonymous.isSecure());
        assertTrue(anonymous.peerIdentity().isEmpty());
        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress())) {
            assertEquals("named", Servers.echo(socket, "named"));
        }
        assertTrue(echo.nextOpened().peerIdentity().isPresent());
        assertRefused(pki.clientContext(pki.rogue), listener);
    }

    @Test
    void clientAuthNoneAsksForNoCertificate() throws Exception {
        Servers.Echo echo = new Servers.Echo();
        Listener listener = listen(echo, "client-auth", "none");
        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress())) {
            assertEquals("hi", Servers.echo(socket, "hi"));
        }
        assertTrue(echo.nextOpened().peerIdentity().isEmpty());
    }

    @Test
    void refusesAClientCertificateFromAnotherCaAndKeepsServing() throws Exception {
        Listener listener = listen(new Servers.Echo());
        assertRefused(pki.clientContext(pki.rogue), listener);
        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress())) {
            assertEquals("good client", Servers.echo(socket, "good client"));
        }
    }

    @Test
    void readsPemAndJksStores() throws Exception {
        Path pem = pki.server.writePem(dir.resolve("server.pem"));
        Path trustPem = pki.ca.writeTrustPem(dir.resolve("ca.crt"));
        Listener pemListener = listen(new Servers.Echo(), "key-store.location", pem.toString(), "key-store.password", "",
                "trust-store.location", trustPem.toString(), "trust-store.password", "");
        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), pemListener.localAddress())) {
            assertEquals("pem", Servers.echo(socket, "pem"));
        }
        server.close();

        Path jks = pki.server.writeJks(dir.resolve("server.jks"), Pki.PASSWORD);
        Listener jksListener = listen(new Servers.Echo(), "key-store.location", jks.toString());
        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), jksListener.localAddress())) {
            assertEquals("jks", Servers.echo(socket, "jks"));
        }
    }

    @Test
    void unifiedPortServesPlaintextAndTlsAlike() throws Exception {
        Servers.Echo echo = new Servers.Echo();
        Listener listener = listen(echo, "mode", "unified");

        try (Socket plain = Servers.plainClient(listener.localAddress())) {
            // Four bytes, like a four-letter word: decided at the first byte, not after a fifth.
            assertEquals("ruok", Servers.echo(plain, "ruok"));
            assertEquals("\0\0\0\u0010 and a frame", Servers.echo(plain, "\0\0\0\u0010 and a frame"));
        }
        Connection plainConnection = echo.nextOpened();
        assertFalse(plainConnection.isSecure());
        assertTrue(plainConnection.peerIdentity().isEmpty());

        try (SSLSocket tls = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress())) {
            assertEquals("encrypted", Servers.echo(tls, "encrypted"));
        }
        Connection tlsConnection = echo.nextOpened();
        assertTrue(tlsConnection.isSecure());
        assertEquals("CN=client1,O=zkplatform tests",
                tlsConnection.peerIdentity().orElseThrow().certificate().getSubjectX500Principal().getName());
        assertRefused(pki.clientContext(pki.rogue), listener);
    }

    @Test
    void badInputOnATlsPortClosesThatConnectionOnly() throws Exception {
        Listener listener = listen(new Servers.Echo(), "handshake-timeout", "500ms");
        try (SSLSocket good = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress());
             Socket garbage = Servers.plainClient(listener.localAddress());
             Socket half = Servers.plainClient(listener.localAddress());
             Socket stalled = Servers.plainClient(listener.localAddress())) {
            garbage.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // A TLS record header announcing a ClientHello that never comes.
            half.getOutputStream().write(new byte[] {22, 3, 1, 0, (byte) 200, 1, 0});
            assertTrue(Servers.closedByServer(garbage));
            assertTrue(Servers.closedByServer(half));
            assertTrue(Servers.closedByServer(stalled));
            assertEquals("unharmed", Servers.echo(good, "unharmed"));
        }
    }

    @Test
    void badInputOnAUnifiedPortClosesThatConnectionOnly() throws Exception {
        Listener listener = listen(new Servers.Echo(), "mode", "unified", "handshake-timeout", "500ms");
        try (SSLSocket good = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress());
             Socket plain = Servers.plainClient(listener.localAddress());
             Socket partial = Servers.plainClient(listener.localAddress());
             Socket half = Servers.plainClient(listener.localAddress());
             Socket stalled = Servers.plainClient(listener.localAddress())) {
            assertEquals("plain", Servers.echo(plain, "plain"));
            // Two bytes that may start a TLS record: the sniffer waits for the rest, then gives up.
            partial.getOutputStream().write(new byte[] {22, 3});
            half.getOutputStream().write(new byte[] {22, 3, 1, 0, (byte) 200, 1, 0});
            assertTrue(Servers.closedByServer(partial));
            assertTrue(Servers.closedByServer(half));
            assertTrue(Servers.closedByServer(stalled));
            assertEquals("unharmed", Servers.echo(good, "unharmed"));
            assertEquals("still plain", Servers.echo(plain, "still plain"));
        }
    }

    @Test
    void newConnectionsSeeAReplacedServerCertificate() throws Exception {
        Listener listener = listen(new Servers.Echo());
        SSLContext context = pki.clientContext(pki.client);
        SSLSocket before = Servers.tlsClient(context, listener.localAddress());
        assertEquals(pki.server.certificate(), before.getSession().getPeerCertificates()[0]);

        TestPki.Issued renewed = pki.ca.issue("CN=server renewed,O=zkplatform tests");
        renewed.writePkcs12(pki.serverStore, Pki.PASSWORD);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        X509Certificate seen;
        do {
            try (SSLSocket after = Servers.tlsClient(context, listener.localAddress())) {
                seen = (X509Certificate) after.getSession().getPeerCertificates()[0];
            }
        } while (!seen.equals(renewed.certificate()) && System.nanoTime() < deadline && sleep());
        assertEquals(renewed.certificate(), seen);
        // The connection made before keeps its session.
        assertEquals("old session", Servers.echo(before, "old session"));
        before.close();
    }

    @Test
    void keepsTheCurrentCertificateWhenTheReplacementIsExpired() throws Exception {
        Listener listener = listen(new Servers.Echo());
        java.time.Instant now = java.time.Instant.now();
        pki.ca.issue("CN=stale,O=zkplatform tests", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))
                .writePkcs12(pki.serverStore, Pki.PASSWORD);
        Thread.sleep(500); // several reload checks
        try (SSLSocket socket = Servers.tlsClient(pki.clientContext(pki.client), listener.localAddress())) {
            assertEquals(pki.server.certificate(), socket.getSession().getPeerCertificates()[0]);
        }
    }

    @Test
    void opensConnectionsThatVerifyTheServerHostName() throws Exception {
        Servers.Echo echo = new Servers.Echo();
        // A quorum transport verifies host names both ways by default; both certificates name 127.0.0.1.
        server = pki.transport("quorum");
        Listener listener = server.listen(Servers.ANY_PORT, echo);
        Path clientStore = pki.client.writePkcs12(dir.resolve("peer.p12"), Pki.PASSWORD);
        client = pki.transport("quorum", "key-store.location", clientStore.toString());
        Servers.Echo replies = new Servers.Echo();
        Connection connection = client.connect(listener.localAddress(), Duration.ofSeconds(5), replies)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(connection.isSecure());
        assertEquals("CN=server,O=zkplatform tests",
                connection.peerIdentity().orElseThrow().certificate().getSubjectX500Principal().getName());
        assertEquals("CN=client1,O=zkplatform tests",
                echo.nextOpened().peerIdentity().orElseThrow().certificate().getSubjectX500Principal().getName());
    }

    @Test
    void refusesAServerWhoseCertificateDoesNotNameTheHost() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        Path elsewhere = pki.ca.issue("CN=elsewhere,O=zkplatform tests", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)), java.util.List.of(new org.bouncycastle.asn1.x509.GeneralName(
                        org.bouncycastle.asn1.x509.GeneralName.dNSName, "elsewhere.example")))
                .writePkcs12(dir.resolve("elsewhere.p12"), Pki.PASSWORD);
        server = pki.transport("client", "key-store.location", elsewhere.toString());
        Listener listener = server.listen(Servers.ANY_PORT, new Servers.Echo());
        client = pki.transport("quorum");
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.connect(listener.localAddress(),
                Duration.ofSeconds(5), new Servers.Echo()).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().toString().contains("127.0.0.1"), e.getCause().toString());
    }

    private static void assertRefused(SSLContext context, Listener listener) throws IOException {
        // With TLS 1.3 the client may finish its handshake before the server checks its certificate,
        // so the refusal can also show on the first exchange.
        try (SSLSocket socket = Servers.tlsClient(context, listener.localAddress())) {
            Servers.echo(socket, "x");
            assertTrue(Servers.closedByServer(socket), "the connection should have been refused");
        } catch (IOException expected) {
            // refused during the handshake or on the first read
        }
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }
}
