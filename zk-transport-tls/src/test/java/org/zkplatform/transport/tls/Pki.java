package org.zkplatform.transport.tls;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.zkplatform.api.Settings;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportContext;

/**
 * The certificates of a test, written under one directory: a CA, a server and a client it signs,
 * a client signed by another CA; and the settings and client contexts that use them.
 */
final class Pki {

    static final String PASSWORD = "secret";

    final Path dir;
    final TestPki ca;
    final TestPki otherCa;
    final TestPki.Issued server;
    final TestPki.Issued client;
    final TestPki.Issued rogue;
    final Path serverStore;
    final Path trustStore;

    Pki(Path dir) throws Exception {
        this.dir = dir;
        ca = TestPki.newCa("test CA");
        otherCa = TestPki.newCa("other CA");
        server = ca.issue("CN=server,O=zkplatform tests");
        client = ca.issue("CN=client1,O=zkplatform tests");
        rogue = otherCa.issue("CN=rogue,O=zkplatform tests");
        serverStore = server.writePkcs12(dir.resolve("server.p12"), PASSWORD);
        trustStore = ca.writeTrustPkcs12(dir.resolve("trust.p12"), PASSWORD);
    }

    /** The settings of {@code zk.transport.tls} as reference.conf has them, with the server's stores and {@code overrides}. */
    Map<String, Object> settings(Object... overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("mode", "tls-only");
        values.put("connect", "tls");
        values.put("protocols", java.util.List.of("TLSv1.3", "TLSv1.2"));
        values.put("cipher-suites", java.util.List.of());
        values.put("handshake-timeout", "5s");
        values.put("client-auth", "need");
        values.put("hostname-verification", "auto");
        values.put("key-store.location", serverStore.toString());
        values.put("key-store.password", PASSWORD);
        values.put("key-store.type", "");
        values.put("trust-store.location", trustStore.toString());
        values.put("trust-store.password", PASSWORD);
        values.put("trust-store.type", "");
        values.put("reload-certificates", true);
        values.put("reload-check-interval", "100ms");
        values.put("provider", "jdk");
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return values;
    }

    Transport transport(String purpose, Object... overrides) {
        return new TlsTransportProvider().create(Settings.of(Map.of("zk.transport.tls", settings(overrides)))
                .section("zk.transport.tls"), new TransportContext(purpose, Clock.system()));
    }

    /**
     * A JDK client context trusting our CA and presenting {@code identity}, or no certificate when
     * null. It presents its certificate whatever CAs the server names: the JDK's own key manager
     * would leave out one from another CA, and the server's verification would go untested.
     */
    SSLContext clientContext(TestPki.Issued identity) throws Exception {
        KeyManager[] keys = null;
        if (identity != null) {
            keys = new KeyManager[] {new AlwaysPresent(identity)};
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust.getTrustManagers(), null);
        return context;
    }

    /** Offers its one key to every server. */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private static final String ALIAS = "key";
        private final TestPki.Issued identity;

        AlwaysPresent(TestPki.Issued identity) {
            this.identity = identity;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return identity.chain().toArray(new X509Certificate[0]);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return identity.keys().getPrivate();
        }
    }
}
