package org.zkplatform.transport.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zkplatform.api.SettingsException;

/**
 * Reads key and trust store files, turning every way they can be wrong into one
 * {@link SettingsException} that names the file and the key pointing at it.
 */
final class StoreFiles {

    private static final Pattern PEM_CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private StoreFiles() {
    }

    /** The bytes of {@code store}'s file. */
    static byte[] read(StoreConfig store) {
        try {
            return Files.readAllBytes(store.location());
        } catch (NoSuchFileException e) {
            throw locationError(store, "an existing file (there is no such file)");
        } catch (IOException e) {
            throw locationError(store, "a readable file (" + e.getMessage() + ")");
        }
    }

    /** A PKCS12 or JKS store from {@code bytes}, opened with the configured password. */
    static KeyStore keyStore(StoreConfig store, byte[] bytes) {
        try {
            KeyStore keyStore = KeyStore.getInstance(store.type().name());
            // No password: open without the integrity check, as a trust store without one is common.
            keyStore.load(new ByteArrayInputStream(bytes), store.password().isEmpty() ? null : store.passwordChars());
            return keyStore;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw passwordError(store);
            }
            throw locationError(store, "a " + store.type() + " file (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw locationError(store, "a " + store.type() + " file (" + e.getMessage() + ")");
        }
    }

    /** Every certificate in PEM text, in file order. */
    static List<X509Certificate> pemCertificates(StoreConfig store, byte[] bytes) {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher matcher = PEM_CERTIFICATE.matcher(new String(bytes, StandardCharsets.US_ASCII));
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (matcher.find()) {
                byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw locationError(store, "a PEM file of valid certificates (" + e.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw locationError(store, "a PEM file with at least one certificate (none found)");
        }
        return certificates;
    }

    static SettingsException locationError(StoreConfig store, String allowed) {
        return new SettingsException(store.key() + ".location", store.location(), allowed);
    }

    static SettingsException passwordError(StoreConfig store) {
        // The value is not shown: it is a secret.
        return new SettingsException(store.key() + ".password", "(hidden)",
                "the password of " + store.location() + " (it does not open with this one)");
    }
}
