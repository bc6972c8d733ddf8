package org.zkplatform.transport.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.zkplatform.api.Settings;

/**
 * The settings of the {@code tls} transport (section {@code zk.transport.tls}).
 *
 * @param mode what a listener accepts
 * @param connect what the connections this transport opens speak (quorum connections)
 * @param protocols the TLS versions enabled, in order of preference
 * @param cipherSuites the cipher suites enabled; empty for the provider's defaults
 * @param handshakeTimeout how long a handshake may take, and on a unified port how long a new
 *     connection may stay silent before it is told TLS or plaintext
 * @param clientAuth whether a client must, may or must not present a certificate
 * @param hostnameVerification whether a peer's certificate must name the host it connects from
 *     or to
 * @param keyStore this server's key and certificate chain
 * @param trustStore the certificates peers must chain to; empty for the JDK's default trust
 * @param reloadCertificates whether changed key and trust store files are read again
 * @param reloadCheckInterval how often the files are checked for changes
 * @param provider the TLS implementation: the JDK's, or OpenSSL (netty-tcnative)
 */
record TlsConfig(TlsMode mode, ConnectMode connect, List<String> protocols, List<String> cipherSuites,
                 Duration handshakeTimeout, ClientAuthMode clientAuth, boolean hostnameVerification, StoreConfig keyStore,
                 Optional<StoreConfig> trustStore, boolean reloadCertificates, Duration reloadCheckInterval,
                 SslProvider provider) {

    static final Set<String> PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");
    private static final Map<String, ClientAuthMode> CLIENT_AUTH = Arrays.stream(ClientAuthMode.values())
            .collect(Collectors.toMap(ClientAuthMode::configName, mode -> mode));
    private static final Map<String, SslProvider> PROVIDERS = Map.of("jdk", SslProvider.JDK, "openssl", SslProvider.OPENSSL);
    /** ZooKeeper verifies host names on quorum connections and not on client ones; so do we by default. */
    static final String QUORUM_PURPOSE = "quorum";

    TlsConfig {
        Objects.requireNonNull(mode, "mode is null");
        Objects.requireNonNull(connect, "connect is null");
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout is null");
        Objects.requireNonNull(clientAuth, "clientAuth is null");
        Objects.requireNonNull(keyStore, "keyStore is null");
        Objects.requireNonNull(trustStore, "trustStore is null");
        Objects.requireNonNull(reloadCheckInterval, "reloadCheckInterval is null");
        Objects.requireNonNull(provider, "provider is null");
    }

    /** Reads and checks {@code settings}; {@code purpose} picks the default of hostname verification. */
    static TlsConfig from(Settings settings, String purpose) {
        String modeName = settings.getString("mode");
        TlsMode mode = TlsMode.fromConfigName(modeName).orElseThrow(() -> settings.invalid("mode", modeName,
                "one of " + String.join(", ", Arrays.stream(TlsMode.values()).map(TlsMode::configName).toList())));
        ConnectMode connect = connectMode(settings, mode);
        List<String> protocols = settings.getStringList("protocols");
        if (protocols.isEmpty() || !PROTOCOLS.containsAll(protocols)) {
            throw settings.invalid("protocols", protocols, "a non-empty list of TLSv1.3 and TLSv1.2");
        }
        SslProvider provider = PROVIDERS.get(settings.getChoice("provider", PROVIDERS.keySet()));
        if (provider == SslProvider.OPENSSL && !OpenSsl.isAvailable()) {
            throw settings.invalid("provider", "openssl", "jdk, or openssl with netty-tcnative-boringssl-static"
                    + " on the module path (OpenSSL is not loadable here: " + OpenSsl.unavailabilityCause() + ")");
        }
        List<String> ciphers = settings.getStringList("cipher-suites");
        checkCiphers(settings, ciphers, provider);
        Duration handshakeTimeout = settings.getDuration("handshake-timeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw settings.invalid("handshake-timeout", handshakeTimeout, "a duration above 0, such as 5s");
        }
        ClientAuthMode clientAuth = CLIENT_AUTH.get(settings.getChoice("client-auth", CLIENT_AUTH.keySet()));
        String verification = settings.getChoice("hostname-verification", Set.of("auto", "true", "false"));
        boolean verifyHostnames = verification.equals("auto") ? QUORUM_PURPOSE.equals(purpose)
                : Boolean.parseBoolean(verification);
        StoreConfig keyStore = StoreConfig.from(settings, "key-store");
        if (keyStore == null) {
            throw settings.invalid("key-store.location", "", "the file holding this server's private key and"
                    + " certificate (PKCS12, JKS or PEM)");
        }
        Optional<StoreConfig> trustStore = Optional.ofNullable(StoreConfig.from(settings, "trust-store"));
        boolean reload = settings.getBoolean("reload-certificates");
        Duration reloadInterval = settings.getDuration("reload-check-interval");
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw settings.invalid("reload-check-interval", reloadInterval, "a duration above 0, such as 1s");
        }
        return new TlsConfig(mode, connect, protocols, ciphers, handshakeTimeout, clientAuth, verifyHostnames, keyStore,
                trustStore, reload, reloadInterval, provider);
    }

    /**
     * Plaintext connections out make sense only while our listeners still take plaintext in: an
     * ensemble with some servers dialing plaintext and some accepting only TLS cannot form.
     */
    private static ConnectMode connectMode(Settings settings, TlsMode mode) {
        String name = settings.getString("connect");
        ConnectMode connect = ConnectMode.fromConfigName(name).orElseThrow(() -> settings.invalid("connect", name,
                "one of " + String.join(", ", Arrays.stream(ConnectMode.values()).map(ConnectMode::configName).toList())));
        if (connect == ConnectMode.PLAINTEXT && mode != TlsMode.UNIFIED) {
            throw settings.invalid("connect", name, "tls; plaintext only with mode = unified (listeners that accept"
                    + " both, while an ensemble moves to TLS)");
        }
        return connect;
    }

    private static void checkCiphers(Settings settings, List<String> ciphers, SslProvider provider) {
        Set<String> supported = provider == SslProvider.OPENSSL ? OpenSsl.availableJavaCipherSuites() : jdkCiphers();
        for (String cipher : ciphers) {
            if (!supported.contains(cipher)) {
                throw settings.invalid("cipher-suites", cipher, "cipher suites the " + provider
                        + " provider supports, such as TLS_AES_128_GCM_SHA256 or TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            }
        }
    }

    private static Set<String> jdkCiphers() {
        try {
            return Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform has a default SSLContext (JSSE is part of java.base).
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}
