package org.zkplatform.transport.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificates a peer's chain must lead to, read from a trust store file (or the JDK's default
 * CAs), as a trust manager whose refusals name the certificate.
 */
final class TrustMaterial {

    private TrustMaterial() {
    }

    /** The trust of {@code store}, or the JDK's default CAs when there is none. */
    static NamingTrustManager load(Optional<StoreConfig> store) {
        TrustManagerFactory factory = store.map(TrustMaterial::fromStore).orElseGet(TrustMaterial::jdkDefault);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return new NamingTrustManager(x509);
            }
        }
        // The JDK's PKIX factory always makes one; a provider that does not has nothing we could use.
        throw new IllegalStateException("the trust manager factory " + factory.getAlgorithm()
                + " makes no X509ExtendedTrustManager");
    }

    private static TrustManagerFactory jdkDefault() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's default trust store cannot be read: " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory fromStore(StoreConfig store) {
        byte[] bytes = StoreFiles.read(store);
        try {
            KeyStore keyStore = store.type() == StoreType.PEM ? fromPem(store, bytes) : StoreFiles.keyStore(store, bytes);
            if (keyStore.size() == 0) {
                throw StoreFiles.locationError(store, "a trust store holding at least one certificate (it is empty)");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw StoreFiles.locationError(store, "a usable trust store (" + e.getMessage() + ")");
        }
    }

    private static KeyStore fromPem(StoreConfig store, byte[] bytes) throws GeneralSecurityException, IOException {
        List<X509Certificate> certificates = StoreFiles.pemCertificates(store, bytes);
        KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
        keyStore.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            keyStore.setCertificateEntry("trusted-" + i, certificates.get(i));
        }
        return keyStore;
    }
}
