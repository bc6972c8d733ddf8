package org.zkplatform.dist.ensemble;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.zkplatform.dist.tls.TestCertificates;

/** Connections to a server's quorum or election port from a test, to see what the port accepts. */
final class QuorumProbe {

    private static final int TIMEOUT_MILLIS = 10_000;
    /**
     * What an election peer sends first (protocol version -65536, then a server id), in clear:
     * anything but a TLS record.
     */
    private static final byte[] PLAINTEXT_HELLO = {-1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9};

    private QuorumProbe() {
    }

    /** Whether the port closes a connection that speaks plaintext, within 10 s. */
    static boolean closesPlaintext(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(PLAINTEXT_HELLO);
            socket.getOutputStream().flush();
            return closedByServer(socket.getInputStream());
        }
    }

    /**
     * Whether the port refuses TLS from {@code keyStore}'s certificate (the handshake fails, or,
     * with TLS 1.3, the server closes the connection right after it), trusting {@code trustStore}.
     */
    static boolean refusesTls(int port, Path keyStore, Path trustStore) throws IOException, GeneralSecurityException {
        SSLContext context = context(keyStore, trustStore);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            socket.getOutputStream().write(PLAINTEXT_HELLO);
            socket.getOutputStream().flush();
            return closedByServer(socket.getInputStream());
        } catch (javax.net.ssl.SSLException e) {
            return true;
        }
    }

    private static boolean closedByServer(InputStream in) throws IOException {
        try {
            for (int i = 0; i < 1_000_000; i++) {
                if (in.read() < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset, or a TLS alert
        }
    }

    private static SSLContext context(Path keyStore, Path trustStore) throws IOException, GeneralSecurityException {
        char[] password = TestCertificates.PASSWORD.toCharArray();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore, password), password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore, password));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
