package org.zkplatform.transport.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/** The certificates a peer's chain must lead to, read from a trust store file. */
final class TrustMaterial {

    private TrustMaterial() {
    }

    static TrustManagerFactory load(StoreConfig store) {
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
