package org.zkplatform.dist.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.apache.zookeeper.client.ZKClientConfig;
import org.zkplatform.dist.tls.TestCertificates;
import org.zkplatform.dist.tls.TlsFiles;

/**
 * {@code --tls on}: the certificates both servers and the clients use (made once per run), and
 * the zoo.cfg keys of a secure client port. The same lines go to both servers: Apache needs its
 * Netty connection factory for TLS (which then serves its plain port too); our importer maps the
 * {@code ssl.*} keys and ignores the factory.
 */
record TlsSetup(TlsFiles files) {

    static TlsSetup create(Path workDir) throws BenchException {
        try {
            return new TlsSetup(TlsFiles.create(workDir.resolve("tls")));
        } catch (IOException | GeneralSecurityException e) {
            throw new BenchException("cannot make the TLS certificates: " + e);
        }
    }

    List<String> zooCfg(int securePort) {
        return List.of(
                "secureClientPortAddress=127.0.0.1",
                "secureClientPort=" + securePort,
                "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
                "ssl.keyStore.location=" + files.serverKeyStore(),
                "ssl.keyStore.password=" + TestCertificates.PASSWORD,
                "ssl.trustStore.location=" + files.trustStore(),
                "ssl.trustStore.password=" + TestCertificates.PASSWORD);
    }

    /**
     * A plaintext client's settings under {@code --tls on}: the same Netty socket as the TLS
     * clients (the default NIO one costs the client more CPU, which on a small machine the servers
     * would feel), so the plaintext and TLS rows differ by TLS alone.
     */
    ZKClientConfig plainClientConfig() {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
        return config;
    }

    /** A client's settings: TLS over the Netty socket, with a certificate the servers trust. */
    ZKClientConfig clientConfig() {
        return files.clientConfig(files.client1());
    }
}
