package org.zkplatform.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.Settings;
import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.AuthResult;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;
import org.zkplatform.api.transport.PeerIdentity;

class X509AuthenticatorTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
    private static AuthRequest withCertificate;
    private static final AuthRequest WITHOUT = new AuthRequest(new byte[0], CLIENT, Optional.empty());

    @BeforeAll
    static void certificate() throws Exception {
        TestPki ca = TestPki.newCa("ids CA");
        Instant now = Instant.now();
        TestPki.Issued issued = ca.issue("CN=app1, O=Example, C=DE", now, now.plus(Duration.ofDays(1)), List.of(
                new GeneralName(GeneralName.rfc822Name, "ops@example.com"),
                new GeneralName(GeneralName.dNSName, "app1.internal"),
                new GeneralName(GeneralName.dNSName, "app1.example.com"),
                new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://example.com/app1"),
                new GeneralName(GeneralName.iPAddress, "10.1.2.3")));
        withCertificate = new AuthRequest(new byte[0], CLIENT, Optional.of(new PeerIdentity(issued.chain())));
    }

    private static Authenticator create(Object... settings) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            values.put((String) settings[i], settings[i + 1]);
        }
        return new X509AuthenticationProvider().create(Settings.of(values));
    }

    @Test
    void theSubjectDnInRfc2253FormIsTheDefaultId() {
        Authenticator x509 = create();
        assertEquals(List.of(new Id("x509", "CN=app1,O=Example,C=DE")), x509.identify(withCertificate));
        assertEquals(List.of(), x509.identify(WITHOUT));
    }

    @Test
    void anAlternativeNameCanBeTheId() {
        assertEquals(List.of(new Id("x509", "app1.internal")), create("id-type", "san-dns").identify(withCertificate));
        assertEquals(List.of(new Id("x509", "app1.example.com")),
                create("id-type", "san-dns", "san-match", ".*\\.example\\.com").identify(withCertificate));
        assertEquals(List.of(new Id("x509", "spiffe://example.com/app1")),
                create("id-type", "san-uri").identify(withCertificate));
        assertEquals(List.of(new Id("x509", "ops@example.com")), create("id-type", "san-email").identify(withCertificate));
        assertEquals(List.of(new Id("x509", "10.1.2.3")), create("id-type", "san-ip").identify(withCertificate));
        assertEquals(List.of(), create("id-type", "san-dns", "san-match", "nothing").identify(withCertificate));
    }

    @Test
    void theSuperUserAlsoGetsASuperId() {
        Authenticator x509 = create("super-user", "CN=app1,O=Example,C=DE");
        assertEquals(List.of(new Id("super", "CN=app1,O=Example,C=DE"), new Id("x509", "CN=app1,O=Example,C=DE")),
                x509.identify(withCertificate));
        assertTrue(x509.matches("CN=app1,O=Example,C=DE", "CN=someone else"));
    }

    @Test
    void addauthNeedsACertificate() {
        Authenticator x509 = create();
        assertInstanceOf(AuthResult.Failure.class, x509.authenticate(WITHOUT));
        assertEquals(new AuthResult.Success(List.of(new Id("x509", "CN=app1,O=Example,C=DE"))),
                x509.authenticate(withCertificate));
    }

    @Test
    void matchesAndValidatesAsZooKeeperDoes() {
        Authenticator x509 = create();
        assertTrue(x509.matches("CN=app1,O=Example", "CN=app1,O=Example"));
        assertFalse(x509.matches("CN=app1,O=Example", "CN=app1, O=Example"));
        assertTrue(x509.isValid("CN=app1,O=Example"));
        assertFalse(x509.isValid("no equals sign"));
        assertTrue(create("id-type", "san-dns").isValid("app1.internal"));
        assertFalse(create("id-type", "san-dns").isValid(""));
        assertTrue(x509.isAuthenticated());
    }
}
