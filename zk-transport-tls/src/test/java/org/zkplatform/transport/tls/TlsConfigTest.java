package org.zkplatform.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.Settings;
import org.zkplatform.api.SettingsException;

class TlsConfigTest {

    private static final Path STORE = Path.of("/etc/zk/server.p12");

    /** reference.conf's values, with a key store. */
    private static Map<String, Object> referenceValues() {
        return new java.util.HashMap<>(Map.ofEntries(
                Map.entry("mode", "tls-only"), Map.entry("connect", "tls"),
                Map.entry("protocols", List.of("TLSv1.3", "TLSv1.2")),
                Map.entry("cipher-suites", List.of()), Map.entry("handshake-timeout", "5s"),
                Map.entry("client-auth", "need"), Map.entry("hostname-verification", "auto"),
                Map.entry("key-store.location", STORE.toString()), Map.entry("key-store.password", ""),
                Map.entry("key-store.type", ""), Map.entry("trust-store.location", ""),
                Map.entry("trust-store.password", ""), Map.entry("trust-store.type", ""),
                Map.entry("reload-certificates", true), Map.entry("reload-check-interval", "1s"),
                Map.entry("provider", "jdk")));
    }

    private static TlsConfig read(Map<String, Object> values, String purpose) {
        return TlsConfig.from(Settings.of(Map.of("zk.transport.tls", values)).section("zk.transport.tls"), purpose);
    }

    @Test
    void defaults() {
        TlsConfig config = read(referenceValues(), "client");
        assertEquals(new TlsConfig(TlsMode.TLS_ONLY, ConnectMode.TLS, List.of("TLSv1.3", "TLSv1.2"), List.of(),
                Duration.ofSeconds(5), ClientAuthMode.NEED, false, new StoreConfig(STORE, "", StoreType.PKCS12, "zk.transport.tls.key-store"),
                Optional.empty(), true, Duration.ofSeconds(1), SslProvider.JDK), config);
    }

    @Test
    void hostnameVerificationDefaultsOnForTheQuorumOnly() {
        assertTrue(read(referenceValues(), "quorum").hostnameVerification());
        assertFalse(read(referenceValues(), "client").hostnameVerification());
        Map<String, Object> on = referenceValues();
        on.put("hostname-verification", "true");
        assertTrue(read(on, "client").hostnameVerification());
        Map<String, Object> off = referenceValues();
        off.put("hostname-verification", false);
        assertFalse(read(off, "quorum").hostnameVerification());
    }

    @Test
    void mapsEveryKeyExplicitly() {
        Map<String, Object> values = referenceValues();
        values.putAll(Map.of("mode", "unified", "protocols", List.of("TLSv1.2"),
                "cipher-suites", List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), "handshake-timeout", "250ms",
                "client-auth", "want", "key-store.type", "JKS", "key-store.password", "k",
                "trust-store.location", "/etc/zk/ca.pem", "trust-store.password", "t",
                "reload-certificates", false));
        values.put("reload-check-interval", "3s");
        values.put("connect", "plaintext");
        TlsConfig config = read(values, "client");
        assertEquals(new TlsConfig(TlsMode.UNIFIED, ConnectMode.PLAINTEXT, List.of("TLSv1.2"),
                List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
                Duration.ofMillis(250), ClientAuthMode.WANT, false,
                new StoreConfig(STORE, "k", StoreType.JKS, "zk.transport.tls.key-store"),
                Optional.of(new StoreConfig(Path.of("/etc/zk/ca.pem"), "t", StoreType.PEM, "zk.transport.tls.trust-store")),
                false, Duration.ofSeconds(3), SslProvider.JDK), config);
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        assertRefused("mode", "both", "bad value for zk.transport.tls.mode: 'both'; allowed: one of tls-only, unified");
        assertRefused("connect", "sometimes",
                "bad value for zk.transport.tls.connect: 'sometimes'; allowed: one of tls, plaintext");
        assertRefused("protocols", List.of("TLSv1.1"),
                "bad value for zk.transport.tls.protocols: '[TLSv1.1]'; allowed: a non-empty list of TLSv1.3 and TLSv1.2");
        assertRefused("client-auth", "maybe",
                "bad value for zk.transport.tls.client-auth: 'maybe'; allowed: one of need, none, want");
        assertRefused("key-store.location", "", "bad value for zk.transport.tls.key-store.location: '';"
                + " allowed: the file holding this server's private key and certificate (PKCS12, JKS or PEM)");
        assertRefused("handshake-timeout", "0s",
                "bad value for zk.transport.tls.handshake-timeout: 'PT0S'; allowed: a duration above 0, such as 5s");
        SettingsException cipher = assertThrows(SettingsException.class,
                () -> read(with("cipher-suites", List.of("TLS_NO_SUCH_CIPHER")), "client"));
        assertTrue(cipher.getMessage().startsWith("bad value for zk.transport.tls.cipher-suites: 'TLS_NO_SUCH_CIPHER'"));
    }

    @Test
    void dialingPlaintextNeedsAUnifiedListener() {
        // Peers already moved to TLS dial us with TLS; a tls-only listener would take nothing else.
        assertRefused("connect", "plaintext", "bad value for zk.transport.tls.connect: 'plaintext'; allowed: tls;"
                + " plaintext only with mode = unified (listeners that accept both, while an ensemble moves to TLS)");
        Map<String, Object> unified = with("connect", "plaintext");
        unified.put("mode", "unified");
        assertEquals(ConnectMode.PLAINTEXT, read(unified, "quorum").connect());
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> values = referenceValues();
        values.put(key, value);
        return values;
    }

    private static void assertRefused(String key, Object value, String message) {
        SettingsException e = assertThrows(SettingsException.class, () -> read(with(key, value), "client"));
        assertEquals(message, e.getMessage());
    }
}
