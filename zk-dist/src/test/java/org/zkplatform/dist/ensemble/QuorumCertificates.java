package org.zkplatform.dist.ensemble;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.client.ZKClientConfig;
import org.zkplatform.dist.tls.TestCertificates;

/**
 * The certificates of a TLS ensemble test, PKCS12 with {@link TestCertificates#PASSWORD}: a
 * quorum CA and one key store per server it signs, a client CA with the client port's key store
 * and an application's, and a server key store signed by a third CA, which the quorum does not
 * trust. Every certificate names 127.0.0.1, so host name checks pass on the loopback.
 */
record QuorumCertificates(Path dir, Path quorumTrust, Path clientPortKeyStore, Path clientTrust, Path application) {

    static final String QUORUM_CA = "CN=quorum CA,O=zkplatform tests";
    static final String OTHER_CA = "CN=other CA,O=zkplatform tests";

    static QuorumCertificates create(Path dir, int servers) throws IOException, GeneralSecurityException {
        TestCertificates quorum = TestCertificates.newCa("quorum CA");
        TestCertificates client = TestCertificates.newCa("client CA");
        TestCertificates other = TestCertificates.newCa("other CA");
        for (int id = 1; id <= servers; id++) {
            quorum.writeKeyStore(dir.resolve("quorum-" + id + ".p12"), serverDn(id));
            other.writeKeyStore(dir.resolve("other-" + id + ".p12"), serverDn(id));
        }
        return new QuorumCertificates(dir, quorum.writeTrustStore(dir.resolve("quorum-trust.p12")),
                client.writeKeyStore(dir.resolve("client-port.p12"), "CN=client port,O=zkplatform tests"),
                client.writeTrustStore(dir.resolve("client-trust.p12")),
                client.writeKeyStore(dir.resolve("application.p12"), "CN=application,O=zkplatform tests"));
    }

    static String serverDn(int id) {
        return "CN=server" + id + ",O=zkplatform tests";
    }

    /** Server {@code id}'s quorum key store, signed by the quorum CA. */
    Path quorumKeyStore(int id) {
        return dir.resolve("quorum-" + id + ".p12");
    }

    /** A key store for server {@code id} signed by a CA the quorum does not trust. */
    Path otherCaKeyStore(int id) {
        return dir.resolve("other-" + id + ".p12");
    }

    /** zoo.cfg lines: server {@code id}'s quorum key store, and the quorum CA as trust. */
    List<String> quorumStores(int id) {
        return quorumStores(quorumKeyStore(id));
    }

    List<String> quorumStores(Path keyStore) {
        return List.of("ssl.quorum.keyStore.location=" + keyStore,
                "ssl.quorum.keyStore.password=" + TestCertificates.PASSWORD,
                "ssl.quorum.trustStore.location=" + quorumTrust,
                "ssl.quorum.trustStore.password=" + TestCertificates.PASSWORD);
    }

    /** zoo.cfg lines: the client port's stores (ssl.*), from the client CA. */
    List<String> clientStores() {
        return List.of("ssl.keyStore.location=" + clientPortKeyStore,
                "ssl.keyStore.password=" + TestCertificates.PASSWORD,
                "ssl.trustStore.location=" + clientTrust,
                "ssl.trustStore.password=" + TestCertificates.PASSWORD);
    }

    static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    /** The Apache ZooKeeper client's settings for TLS as the application, trusting the client CA. */
    ZKClientConfig applicationClientConfig() {
        ZKClientConfig config = Clients.config();
        config.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
        config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
        config.setProperty("zookeeper.ssl.keyStore.location", application.toString());
        config.setProperty("zookeeper.ssl.keyStore.password", TestCertificates.PASSWORD);
        config.setProperty("zookeeper.ssl.trustStore.location", clientTrust.toString());
        config.setProperty("zookeeper.ssl.trustStore.password", TestCertificates.PASSWORD);
        return config;
    }
}
