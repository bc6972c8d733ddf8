package org.zkplatform.dist.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * The key and trust stores of a TLS test or bench run, all PKCS12 with {@link TestCertificates#PASSWORD}:
 * the server's, two clients', one client signed by another CA, and the trust store holding the CA.
 */
public record TlsFiles(Path serverKeyStore, Path trustStore, Path client1, Path client2, Path rogue) {

    public static final String CLIENT1_DN = "CN=client1,O=zkplatform tests";
    public static final String CLIENT2_DN = "CN=client2,O=zkplatform tests";

    public static TlsFiles create(Path dir) throws IOException, GeneralSecurityException {
        TestCertificates ca = TestCertificates.newCa("test CA");
        TestCertificates other = TestCertificates.newCa("other CA");
        return new TlsFiles(ca.writeKeyStore(dir.resolve("server.p12"), "CN=server,O=zkplatform tests"),
                ca.writeTrustStore(dir.resolve("trust.p12")),
                ca.writeKeyStore(dir.resolve("client1.p12"), CLIENT1_DN),
                ca.writeKeyStore(dir.resolve("client2.p12"), CLIENT2_DN),
                other.writeKeyStore(dir.resolve("rogue.p12"), "CN=rogue,O=zkplatform tests"));
    }

    /**
     * The Apache ZooKeeper client's settings for TLS with {@code keyStore}: its Netty socket,
     * {@code zookeeper.client.secure}, and the {@code zookeeper.ssl.*} stores, per client rather
     * than as system properties.
     */
    public ZKClientConfig clientConfig(Path keyStore) {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
        config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
        config.setProperty("zookeeper.ssl.keyStore.location", keyStore.toString());
        config.setProperty("zookeeper.ssl.keyStore.password", TestCertificates.PASSWORD);
        config.setProperty("zookeeper.ssl.trustStore.location", trustStore.toString());
        config.setProperty("zookeeper.ssl.trustStore.password", TestCertificates.PASSWORD);
        return config;
    }

    /** The HOCON of {@code zk.transport.tls}'s stores, for our server. */
    public String hoconStores() {
        return "zk.transport.tls.key-store { location = \"" + serverKeyStore + "\", password = \""
                + TestCertificates.PASSWORD + "\" }\n"
                + "zk.transport.tls.trust-store { location = \"" + trustStore + "\", password = \""
                + TestCertificates.PASSWORD + "\" }\n";
    }
}
