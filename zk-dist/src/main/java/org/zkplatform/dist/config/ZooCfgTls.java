package org.zkplatform.dist.config;

import static org.zkplatform.dist.config.ZooCfgValues.value;
import static org.zkplatform.dist.config.ZooCfgValues.list;
import static org.zkplatform.dist.config.ZooCfgValues.integer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.dist.StartupException;

/**
 * The client-port TLS keys of a zoo.cfg ({@code secureClientPort}, {@code client.portUnification},
 * {@code ssl.*}), translated together because several of them only mean something in
 * combination. The quorum's TLS keys ({@code sslQuorum}, {@code portUnification},
 * {@code ssl.quorum.*}) are {@link ZooCfgQuorumTls}'s.
 */
final class ZooCfgTls {

    private static final Logger LOG = LoggerFactory.getLogger(ZooCfgTls.class);
    private static final String TLS = "zk.transport.tls.";
    /** ssl.* suffix to the key under zk.transport.tls that takes its value unchanged. */
    private static final Map<String, String> STORE_KEYS = Map.of(
            "ssl.keyStore.location", "key-store.location",
            "ssl.keyStore.password", "key-store.password",
            "ssl.keyStore.type", "key-store.type",
            "ssl.trustStore.location", "trust-store.location",
            "ssl.trustStore.password", "trust-store.password",
            "ssl.trustStore.type", "trust-store.type");

    private ZooCfgTls() {
    }

    /**
     * Puts the translation of the TLS keys of {@code properties} into {@code out}.
     *
     * @return the keys translated, which the importer then leaves alone
     */
    static Set<String> translate(Properties properties, Map<String, Object> out) throws StartupException {
        Set<String> used = new LinkedHashSet<>();
        for (Map.Entry<String, String> entry : STORE_KEYS.entrySet()) {
            String value = value(properties, entry.getKey(), used);
            if (value != null) {
                out.put(TLS + entry.getValue(), value);
            }
        }
        translatePorts(properties, out, used);
        translateProtocols(properties, out, used);
        String clientAuth = value(properties, "ssl.clientAuth", used);
        if (clientAuth != null && !clientAuth.isEmpty()) {
            out.put(TLS + "client-auth", clientAuth.toLowerCase(Locale.ROOT));
        }
        translateHostnameVerification(properties, out, used);
        String detection = value(properties, "ssl.handshakeDetectionTimeoutMillis", used);
        if (detection != null) {
            out.put(TLS + "handshake-timeout", integer("ssl.handshakeDetectionTimeoutMillis", detection) + "ms");
        }
        String superUser = value(properties, "X509AuthenticationProvider.superUser", used);
        if (superUser != null) {
            out.put("zk.auth.x509.super-user", superUser);
        }
        String factory = value(properties, "serverCnxnFactory", used);
        if (factory != null && !factory.contains("Netty")) {
            LOG.info("zoo.cfg: serverCnxnFactory={} is not used: zkplatform always serves clients with Netty", factory);
        }
        return used;
    }

    /**
     * {@code secureClientPort} alongside {@code clientPort} is a second port with the {@code tls}
     * transport; alone, it makes the client port itself TLS. {@code client.portUnification} makes
     * the client port accept both.
     */
    private static void translatePorts(Properties properties, Map<String, Object> out, Set<String> used)
            throws StartupException {
        String securePort = value(properties, "secureClientPort", used);
        String secureAddress = value(properties, "secureClientPortAddress", used);
        boolean unified = Boolean.parseBoolean(value(properties, "client.portUnification", used));
        if (unified) {
            out.put("zk.client.transport", "tls");
            out.put(TLS + "mode", "unified");
        }
        if (securePort == null) {
            return;
        }
        long port = integer("secureClientPort", securePort);
        if (properties.getProperty("clientPort") == null) {
            out.put("zk.client.port", port);
            out.put("zk.client.transport", "tls");
            if (secureAddress != null) {
                out.put("zk.client.address", secureAddress);
            }
            return;
        }
        out.put("zk.client.secure-port", port);
        out.put("zk.client.secure-transport", "tls");
        // ZooKeeper binds every interface unless told otherwise.
        out.put("zk.client.secure-address", secureAddress != null ? secureAddress : "0.0.0.0");
        if (unified) {
            LOG.warn("zoo.cfg: with client.portUnification, the secure client port {} also accepts plaintext"
                    + " (both ports share the one tls transport section)", port);
        }
    }

    /** ZooKeeper enables only {@code ssl.protocol} unless {@code ssl.enabledProtocols} lists more. */
    private static void translateProtocols(Properties properties, Map<String, Object> out, Set<String> used) {
        String protocol = value(properties, "ssl.protocol", used);
        String enabled = value(properties, "ssl.enabledProtocols", used);
        if (enabled != null) {
            out.put(TLS + "protocols", list(enabled));
        } else if (protocol != null) {
            out.put(TLS + "protocols", List.of(protocol));
        }
        String ciphers = value(properties, "ssl.ciphersuites", used);
        if (ciphers != null) {
            out.put(TLS + "cipher-suites", list(ciphers));
        }
    }

    /**
     * On its client port ZooKeeper verifies client host names only when both
     * {@code ssl.hostnameVerification} (default true) and {@code ssl.clientHostnameVerification}
     * (default false there) are true.
     */
    private static void translateHostnameVerification(Properties properties, Map<String, Object> out, Set<String> used) {
        String verification = value(properties, "ssl.hostnameVerification", used);
        String clientVerification = value(properties, "ssl.clientHostnameVerification", used);
        if (verification != null && !Boolean.parseBoolean(verification)) {
            out.put(TLS + "hostname-verification", "false");
        } else if (clientVerification != null) {
            out.put(TLS + "hostname-verification", Boolean.toString(Boolean.parseBoolean(clientVerification)));
        }
    }
}
