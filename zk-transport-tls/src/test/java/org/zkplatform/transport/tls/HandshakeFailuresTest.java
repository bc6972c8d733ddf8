package org.zkplatform.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.NotSslRecordException;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.time.Clock;

class HandshakeFailuresTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public long currentTimeMillis() {
            return nanos.get() / 1_000_000L;
        }

        @Override
        public long nanoTime() {
            return nanos.get();
        }
    };

    @Test
    void aRefusedPeerCertificateIsNamedWithItsIssuer() throws Exception {
        TestPki other = TestPki.newCa("other CA");
        X509Certificate rogue = other.issue("CN=rogue,O=zkplatform tests").certificate();
        CertificateException pkix = new CertificateException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path"
                + " to requested target");
        SSLHandshakeException wrapped = new SSLHandshakeException("outer");
        wrapped.initCause(new PeerCertificateException(new X509Certificate[] {rogue}, "127.0.0.1", pkix));
        assertEquals("certificate CN=rogue,O=zkplatform tests (issued by CN=other CA,O=zkplatform tests) refused:"
                + " it does not chain to a certificate of the trust store", HandshakeFailures.reason(wrapped));

        CertificateException host = new CertificateException("No subject alternative names matching IP address"
                + " 127.0.0.2 found");
        assertEquals("certificate CN=rogue,O=zkplatform tests (issued by CN=other CA,O=zkplatform tests) refused:"
                + " No subject alternative names matching IP address 127.0.0.2 found",
                HandshakeFailures.reason(new PeerCertificateException(new X509Certificate[] {rogue}, null, host)));
        // The JDK checks a client's certificate against its address, then words a failure so.
        CertificateException serverSide = new CertificateException("Endpoint Identification Algorithm HTTPS is not"
                + " supported on the server side");
        assertEquals("certificate CN=rogue,O=zkplatform tests (issued by CN=other CA,O=zkplatform tests) refused:"
                + " it does not name the address the peer connects from, 127.0.0.1 (hostname verification)",
                HandshakeFailures.reason(new PeerCertificateException(new X509Certificate[] {rogue}, "127.0.0.1",
                        serverSide)));
    }

    @Test
    void thePeersRefusalOfOurCertificateSaysSo() {
        assertEquals("the peer refused our certificate (TLS alert bad_certificate)",
                HandshakeFailures.reason(new SSLHandshakeException("Received fatal alert: bad_certificate")));
        assertEquals("the peer refused our certificate (TLS alert certificate_unknown)",
                HandshakeFailures.reason(new SSLHandshakeException("Received fatal alert: certificate_unknown")));
        assertEquals("the peer ended the handshake (TLS alert protocol_version)",
                HandshakeFailures.reason(new SSLHandshakeException("Received fatal alert: protocol_version")));
        assertEquals("the peer sent no certificate: it has none signed by a CA of our trust store",
                HandshakeFailures.reason(new SSLHandshakeException("Empty client certificate chain")));
        assertEquals("the peer sent plaintext, not a TLS record",
                HandshakeFailures.reason(new NotSslRecordException("not an SSL/TLS record: 0000002d")));
    }

    @Test
    void aPeerThatKeepsFailingIsLoggedOncePerQuietPeriod() {
        HandshakeFailures failures = new HandshakeFailures("quorum", clock);
        SSLHandshakeException refused = new SSLHandshakeException("Received fatal alert: bad_certificate");
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 40_001);
        assertTrue(failures.failed(peer, true, refused));
        // The same peer from another ephemeral port, with the same reason: a repeat.
        assertFalse(failures.failed(new InetSocketAddress("127.0.0.1", 40_002), true, refused));
        // Another reason, or the other direction, is news.
        assertTrue(failures.failed(peer, true, new NotSslRecordException("x")));
        assertTrue(failures.failed(new InetSocketAddress("127.0.0.1", 3888), false, refused));
        assertFalse(failures.failed(new InetSocketAddress("127.0.0.1", 3888), false, refused));
        nanos.addAndGet(HandshakeFailures.QUIET_PERIOD.toNanos());
        assertTrue(failures.failed(peer, true, refused));
    }
}
