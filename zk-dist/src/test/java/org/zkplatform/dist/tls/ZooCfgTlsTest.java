package org.zkplatform.dist.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.dist.config.ZooCfgImporter;

/** How a zoo.cfg's client TLS keys become zk.client and zk.transport.tls settings. */
class ZooCfgTlsTest {

    @TempDir
    Path dir;

    private Config importLines(String... lines) throws Exception {
        Path file = Files.writeString(dir.resolve("zoo.cfg"), "tickTime=2000\ndataDir=/var/zk\n" + String.join("\n", lines));
        return ZooCfgImporter.importFile(file);
    }

    @Test
    void aSecureClientPortBesideTheClientPortIsASecondPort() throws Exception {
        Config config = importLines("clientPort=2181", "secureClientPort=2281",
                "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
                "ssl.keyStore.location=/etc/zk/server.p12", "ssl.keyStore.password=k", "ssl.keyStore.type=PKCS12",
                "ssl.trustStore.location=/etc/zk/ca.jks", "ssl.trustStore.password=t", "ssl.trustStore.type=JKS",
                "ssl.enabledProtocols=TLSv1.3,TLSv1.2", "ssl.ciphersuites=TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384",
                "ssl.clientAuth=WANT", "ssl.handshakeDetectionTimeoutMillis=3000",
                "X509AuthenticationProvider.superUser=CN=admin");
        assertEquals(2181, config.getInt("zk.client.port"));
        assertFalse(config.hasPath("zk.client.transport"));
        assertEquals(2281, config.getInt("zk.client.secure-port"));
        assertEquals("0.0.0.0", config.getString("zk.client.secure-address"));
        assertEquals("tls", config.getString("zk.client.secure-transport"));
        Config tls = config.getConfig("zk.transport.tls");
        assertEquals("/etc/zk/server.p12", tls.getString("key-store.location"));
        assertEquals("k", tls.getString("key-store.password"));
        assertEquals("PKCS12", tls.getString("key-store.type"));
        assertEquals("/etc/zk/ca.jks", tls.getString("trust-store.location"));
        assertEquals("t", tls.getString("trust-store.password"));
        assertEquals("JKS", tls.getString("trust-store.type"));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), tls.getStringList("protocols"));
        assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"), tls.getStringList("cipher-suites"));
        assertEquals("want", tls.getString("client-auth"));
        assertEquals("3000ms", tls.getString("handshake-timeout"));
        assertEquals("CN=admin", config.getString("zk.auth.x509.super-user"));
    }

    @Test
    void aSecureClientPortAloneMakesTheClientPortTls() throws Exception {
        Config config = importLines("secureClientPort=2281", "secureClientPortAddress=10.0.0.1", "ssl.protocol=TLSv1.2");
        assertEquals(2281, config.getInt("zk.client.port"));
        assertEquals("10.0.0.1", config.getString("zk.client.address"));
        assertEquals("tls", config.getString("zk.client.transport"));
        assertFalse(config.hasPath("zk.client.secure-port"));
        assertEquals(List.of("TLSv1.2"), config.getStringList("zk.transport.tls.protocols"));
    }

    @Test
    void clientPortUnificationMakesTheClientPortUnified() throws Exception {
        Config config = importLines("clientPort=2181", "client.portUnification=true");
        assertEquals("tls", config.getString("zk.client.transport"));
        assertEquals("unified", config.getString("zk.transport.tls.mode"));
    }

    @Test
    void clientHostnameVerificationFollowsZooKeepersTwoKeys() throws Exception {
        assertFalse(importLines("clientPort=1", "ssl.hostnameVerification=true").hasPath("zk.transport.tls.hostname-verification"));
        assertEquals("false", importLines("clientPort=1", "ssl.hostnameVerification=false")
                .getString("zk.transport.tls.hostname-verification"));
        assertEquals("true", importLines("clientPort=1", "ssl.clientHostnameVerification=true")
                .getString("zk.transport.tls.hostname-verification"));
    }

    @Test
    void clientTlsKeysStayOffTheQuorum() throws Exception {
        Config config = importLines("clientPort=2181", "secureClientPort=2281", "ssl.keyStore.location=/etc/zk/client.p12");
        assertFalse(config.hasPath("zk.quorum.transport"));
        assertFalse(config.hasPath("zk.quorum.tls"));
    }
}
