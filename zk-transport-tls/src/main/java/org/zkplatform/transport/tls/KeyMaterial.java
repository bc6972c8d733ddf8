package org.zkplatform.transport.tls;

import io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;

/**
 * This server's private key and certificate chain, read from a key store file and checked: the
 * password opens it, it holds a key, and the certificate is valid now.
 */
final class KeyMaterial {

    private static final String ENCRYPTED_KEY = "-----BEGIN ENCRYPTED PRIVATE KEY-----";

    private final StoreConfig store;
    /** For PKCS12 and JKS; null for PEM, whose key Netty reads itself. */
    private final KeyManagerFactory keyManagers;
    private final byte[] pem;
    private final X509Certificate certificate;

    private KeyMaterial(StoreConfig store, KeyManagerFactory keyManagers, byte[] pem, X509Certificate certificate) {
        this.store = store;
        this.keyManagers = keyManagers;
        this.pem = pem;
        this.certificate = certificate;
    }

    /** Reads {@code store} and checks its certificate against {@code nowMillis}. */
    static KeyMaterial load(StoreConfig store, long nowMillis) {
        byte[] bytes = StoreFiles.read(store);
        KeyMaterial material = store.type() == StoreType.PEM ? fromPem(store, bytes) : fromKeyStore(store, bytes);
        CertificateValidity.check(store, material.certificate, nowMillis);
        // Netty reads a PEM key when it is handed over: do it once now, so a bad one fails here.
        material.applyTo(SslContextBuilder.forClient());
        return material;
    }

    private static KeyMaterial fromPem(StoreConfig store, byte[] bytes) {
        List<X509Certificate> chain = StoreFiles.pemCertificates(store, bytes);
        return new KeyMaterial(store, null, bytes, chain.get(0));
    }

    private static KeyMaterial fromKeyStore(StoreConfig store, byte[] bytes) {
        KeyStore keyStore = StoreFiles.keyStore(store, bytes);
        try {
            X509Certificate certificate = null;
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate[] chain = keyStore.isKeyEntry(alias) ? keyStore.getCertificateChain(alias) : null;
                if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                    certificate = x509;
                    break;
                }
            }
            if (certificate == null) {
                throw StoreFiles.locationError(store, "a key store holding a private key and its certificate (it has none)");
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore, store.passwordChars());
            return new KeyMaterial(store, factory, null, certificate);
        } catch (UnrecoverableKeyException e) {
            throw StoreFiles.passwordError(store);
        } catch (GeneralSecurityException e) {
            throw StoreFiles.locationError(store, "a usable key store (" + e.getMessage() + ")");
        }
    }

    /** The certificate this server presents. */
    X509Certificate certificate() {
        return certificate;
    }

    /** A builder for server contexts presenting this key. */
    SslContextBuilder forServer() {
        return keyManagers != null ? SslContextBuilder.forServer(keyManagers)
                : pemBuilder(() -> SslContextBuilder.forServer(stream(), stream(), passwordOrNull()));
    }

    /** {@code builder} (a client's) presenting this key. */
    SslContextBuilder applyTo(SslContextBuilder builder) {
        return keyManagers != null ? builder.keyManager(keyManagers)
                : pemBuilder(() -> builder.keyManager(stream(), stream(), passwordOrNull()));
    }

    /** Netty reports an unreadable PEM key as an IllegalArgumentException; name the file instead. */
    private SslContextBuilder pemBuilder(Supplier<SslContextBuilder> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            boolean encrypted = new String(pem, StandardCharsets.US_ASCII).contains(ENCRYPTED_KEY);
            if (encrypted && !store.password().isEmpty()) {
                throw StoreFiles.passwordError(store);
            }
            throw StoreFiles.locationError(store, "a PEM file holding the certificate chain and a PKCS#8 private key"
                    + (encrypted ? ", encrypted with key-store.password" : "") + " (" + e.getMessage() + ")");
        }
    }

    private ByteArrayInputStream stream() {
        return new ByteArrayInputStream(pem);
    }

    private String passwordOrNull() {
        return store.password().isEmpty() ? null : store.password();
    }
}
