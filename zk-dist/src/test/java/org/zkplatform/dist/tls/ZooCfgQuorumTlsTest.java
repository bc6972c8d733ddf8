package org.zkplatform.dist.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.Settings;
import org.zkplatform.api.SettingsException;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.TransportContext;
import org.zkplatform.dist.StartupException;
import org.zkplatform.dist.config.ConfigLoader;
import org.zkplatform.dist.config.ServerSettings;
import org.zkplatform.dist.config.ZooCfgImporter;
import org.zkplatform.transport.tls.TlsTransportProvider;

/** How a zoo.cfg's quorum TLS keys become zk.quorum.transport and the quorum's own zk.quorum.tls section. */
class ZooCfgQuorumTlsTest {

    @TempDir
    Path dir;

    private Path write(String... lines) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("myid"), "1\n");
        return Files.writeString(dir.resolve("zoo.cfg"), "tickTime=2000\ndataDir=" + data + "\nclientPort=2181\n"
                + "server.1=127.0.0.1:2888:3888\nserver.2=127.0.0.1:2889:3889\nserver.3=127.0.0.1:2890:3890\n"
                + String.join("\n", lines) + "\n");
    }

    private Config importLines(String... lines) throws Exception {
        return ZooCfgImporter.importFile(write(lines));
    }

    /** As the server reads it: the importer's output checked for unknown keys, over every module's defaults. */
    private ServerSettings settings(String... lines) throws Exception {
        return ServerSettings.from(ConfigLoader.load(getClass().getClassLoader(), Optional.of(write(lines)),
                new Properties()));
    }

    @Test
    void sslQuorumAloneMakesTheQuorumTlsOnly() throws Exception {
        Config config = importLines("sslQuorum=true");
        assertEquals("tls", config.getString("zk.quorum.transport"));
        assertEquals("tls-only", config.getString("zk.quorum.tls.mode"));
        assertEquals("tls", config.getString("zk.quorum.tls.connect"));
    }

    @Test
    void portUnificationWithoutSslQuorumAcceptsBothAndDialsPlaintext() throws Exception {
        // Step one of ZooKeeper's move to TLS without downtime.
        Config config = importLines("sslQuorum=false", "portUnification=true");
        assertEquals("tls", config.getString("zk.quorum.transport"));
        assertEquals("unified", config.getString("zk.quorum.tls.mode"));
        assertEquals("plaintext", config.getString("zk.quorum.tls.connect"));
    }

    @Test
    void portUnificationWithSslQuorumAcceptsBothAndDialsTls() throws Exception {
        // Step two; step three drops portUnification and is sslQuorumAloneMakesTheQuorumTlsOnly.
        Config config = importLines("sslQuorum=true", "portUnification=true");
        assertEquals("tls", config.getString("zk.quorum.transport"));
        assertEquals("unified", config.getString("zk.quorum.tls.mode"));
        assertEquals("tls", config.getString("zk.quorum.tls.connect"));
    }

    @Test
    void neitherKeepsThePlainQuorum() throws Exception {
        Config config = importLines("sslQuorum=false", "portUnification=false",
                "ssl.quorum.keyStore.location=/etc/zk/quorum.p12");
        assertFalse(config.hasPath("zk.quorum.transport"));
        assertEquals("plain", settings("sslQuorum=false", "ssl.quorum.keyStore.location=/etc/zk/quorum.p12")
                .quorumTransport());
    }

    @Test
    void mapsEveryQuorumKey() throws Exception {
        Config config = importLines("sslQuorum=true",
                "ssl.quorum.keyStore.location=/etc/zk/quorum.p12", "ssl.quorum.keyStore.password=qk",
                "ssl.quorum.keyStore.type=PKCS12", "ssl.quorum.trustStore.location=/etc/zk/quorum-ca.jks",
                "ssl.quorum.trustStore.password=qt", "ssl.quorum.trustStore.type=JKS",
                "ssl.quorum.enabledProtocols=TLSv1.3", "ssl.quorum.ciphersuites=TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384",
                "ssl.quorum.clientAuth=WANT", "ssl.quorum.hostnameVerification=false",
                "ssl.quorum.handshakeDetectionTimeoutMillis=2500", "sslQuorumReloadCertFiles=false");
        Config tls = config.getConfig("zk.quorum.tls");
        assertEquals("/etc/zk/quorum.p12", tls.getString("key-store.location"));
        assertEquals("qk", tls.getString("key-store.password"));
        assertEquals("PKCS12", tls.getString("key-store.type"));
        assertEquals("/etc/zk/quorum-ca.jks", tls.getString("trust-store.location"));
        assertEquals("qt", tls.getString("trust-store.password"));
        assertEquals("JKS", tls.getString("trust-store.type"));
        assertEquals(List.of("TLSv1.3"), tls.getStringList("protocols"));
        assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"), tls.getStringList("cipher-suites"));
        assertEquals("want", tls.getString("client-auth"));
        assertEquals("false", tls.getString("hostname-verification"));
        assertEquals("2500ms", tls.getString("handshake-timeout"));
        assertFalse(tls.getBoolean("reload-certificates"));
        assertEquals(List.of("TLSv1.2"), importLines("sslQuorum=true", "ssl.quorum.protocol=TLSv1.2")
                .getStringList("zk.quorum.tls.protocols"));
    }

    @Test
    void theQuorumInheritsNothingFromTheClientsSslKeys() throws Exception {
        // ZooKeeper's ssl.quorum.* have defaults of their own; ssl.* are for clients only.
        ServerSettings settings = settings("secureClientPort=2281", "sslQuorum=true",
                "ssl.keyStore.location=/etc/zk/client.p12", "ssl.trustStore.location=/etc/zk/client-ca.p12",
                "ssl.enabledProtocols=TLSv1.2", "ssl.clientAuth=none", "ssl.hostnameVerification=false",
                "ssl.handshakeDetectionTimeoutMillis=100", "ssl.quorum.keyStore.location=/etc/zk/quorum.p12");
        Settings quorum = settings.quorumTransportSettings();
        assertEquals("/etc/zk/quorum.p12", quorum.getString("key-store.location"));
        assertEquals("", quorum.getString("trust-store.location"));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), quorum.getStringList("protocols"));
        assertEquals("need", quorum.getString("client-auth"));
        assertEquals("auto", quorum.getString("hostname-verification"));
        assertEquals(5000, quorum.getDuration("handshake-timeout").toMillis());
        Settings client = settings.transportSettings("tls");
        assertEquals("/etc/zk/client.p12", client.getString("key-store.location"));
        assertEquals("none", client.getString("client-auth"));
    }

    @Test
    void sslQuorumWithoutAQuorumKeyStoreIsRefusedNamingTheQuorumKey() throws Exception {
        // The client port's key store does not stand in for the quorum's, as in ZooKeeper.
        ServerSettings settings = settings("sslQuorum=true", "ssl.keyStore.location=/etc/zk/client.p12");
        SettingsException e = assertThrows(SettingsException.class, () -> new TlsTransportProvider()
                .create(settings.quorumTransportSettings(), new TransportContext("quorum", Clock.system())));
        assertEquals("bad value for zk.quorum.tls.key-store.location: ''; allowed: the file holding this server's"
                + " private key and certificate (PKCS12, JKS or PEM)", e.getMessage());
    }

    @Test
    void aBadTimeoutIsRefusedNamingTheZooCfgKey() {
        StartupException e = assertThrows(StartupException.class,
                () -> importLines("sslQuorum=true", "ssl.quorum.handshakeDetectionTimeoutMillis=soon"));
        assertEquals("bad value for ssl.quorum.handshakeDetectionTimeoutMillis in zoo.cfg: 'soon'; allowed: an integer",
                e.getMessage());
    }
}
