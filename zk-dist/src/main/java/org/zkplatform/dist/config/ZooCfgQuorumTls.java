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
 * The quorum's TLS keys of a zoo.cfg ({@code sslQuorum}, {@code portUnification},
 * {@code ssl.quorum.*}), translated into {@code zk.quorum.transport} and the quorum's own TLS
 * section {@code zk.quorum.tls}.
 *
 * <p>{@code sslQuorum} says what the connections a server opens speak, {@code portUnification}
 * whether its quorum and election ports also accept plaintext. Together they are ZooKeeper's
 * three steps from a plaintext ensemble to TLS without downtime:
 * <pre>
 * sslQuorum  portUnification   zk.quorum.transport  zk.quorum.tls.mode  zk.quorum.tls.connect
 * false      false             (plain)
 * false      true              tls                  unified             plaintext
 * true       true              tls                  unified             tls
 * true       false             tls                  tls-only            tls
 * </pre>
 *
 * <p>ZooKeeper's {@code ssl.quorum.*} do not inherit from {@code ssl.*}: a key left out takes
 * its default. So the whole section is written, defaults included, and nothing of the client
 * port's TLS ({@code zk.transport.tls}) leaks into the quorum's.
 */
final class ZooCfgQuorumTls {

    private static final Logger LOG = LoggerFactory.getLogger(ZooCfgQuorumTls.class);
    private static final String TLS = "zk.quorum.tls.";
    private static final String PREFIX = "ssl.quorum.";
    private static final List<String> STORE_KEYS = List.of("keyStore.location", "keyStore.password", "keyStore.type",
            "trustStore.location", "trustStore.password", "trustStore.type");
    /** ZooKeeper's handshakeDetectionTimeoutMillis default, 5 s; also ours. */
    private static final String HANDSHAKE_TIMEOUT_DEFAULT = "5000ms";

    private ZooCfgQuorumTls() {
    }

    /**
     * Puts the translation of the quorum's TLS keys of {@code properties} into {@code out}.
     *
     * @return the keys translated, which the importer then leaves alone
     */
    static Set<String> translate(Properties properties, Map<String, Object> out) throws StartupException {
        Set<String> used = new LinkedHashSet<>();
        String sslQuorum = value(properties, "sslQuorum", used);
        String unification = value(properties, "portUnification", used);
        String reload = value(properties, "sslQuorumReloadCertFiles", used);
        boolean anyQuorumKey = properties.stringPropertyNames().stream().anyMatch(key -> key.startsWith(PREFIX));
        if (sslQuorum == null && unification == null && reload == null && !anyQuorumKey) {
            return used;
        }
        boolean tls = Boolean.parseBoolean(sslQuorum);
        boolean unified = Boolean.parseBoolean(unification);
        if (tls || unified) {
            out.put("zk.quorum.transport", "tls");
            out.put(TLS + "mode", unified ? "unified" : "tls-only");
            out.put(TLS + "connect", tls ? "tls" : "plaintext");
        } else if (anyQuorumKey) {
            LOG.info("zoo.cfg: ssl.quorum.* are set but neither sslQuorum nor portUnification is true: the quorum"
                    + " stays plaintext");
        }
        for (String key : STORE_KEYS) {
            String given = value(properties, PREFIX + key, used);
            out.put(TLS + storeKey(key), given == null ? "" : given);
        }
        translateProtocols(properties, out, used);
        String clientAuth = value(properties, PREFIX + "clientAuth", used);
        out.put(TLS + "client-auth", clientAuth == null || clientAuth.isEmpty() ? "need"
                : clientAuth.toLowerCase(Locale.ROOT));
        String verification = value(properties, PREFIX + "hostnameVerification", used);
        // auto is on for quorum connections, ZooKeeper's default for ssl.quorum.hostnameVerification.
        out.put(TLS + "hostname-verification", verification == null ? "auto"
                : Boolean.toString(Boolean.parseBoolean(verification)));
        String detection = value(properties, PREFIX + "handshakeDetectionTimeoutMillis", used);
        out.put(TLS + "handshake-timeout", detection == null ? HANDSHAKE_TIMEOUT_DEFAULT
                : integer(PREFIX + "handshakeDetectionTimeoutMillis", detection) + "ms");
        if (reload != null) {
            out.put(TLS + "reload-certificates", Boolean.parseBoolean(reload));
        }
        return used;
    }

    /** {@code keyStore.location} to {@code key-store.location}. */
    private static String storeKey(String zooKeeperKey) {
        return zooKeeperKey.replace("keyStore", "key-store").replace("trustStore", "trust-store");
    }

    /** As for clients: only {@code ssl.quorum.protocol} unless {@code ssl.quorum.enabledProtocols} lists more. */
    private static void translateProtocols(Properties properties, Map<String, Object> out, Set<String> used) {
        String protocol = value(properties, PREFIX + "protocol", used);
        String enabled = value(properties, PREFIX + "enabledProtocols", used);
        if (enabled != null) {
            out.put(TLS + "protocols", list(enabled));
        } else if (protocol != null) {
            out.put(TLS + "protocols", List.of(protocol));
        } else {
            out.put(TLS + "protocols", List.of("TLSv1.3", "TLSv1.2"));
        }
        String ciphers = value(properties, PREFIX + "ciphersuites", used);
        out.put(TLS + "cipher-suites", ciphers == null ? List.of() : list(ciphers));
    }
}
