package org.zkplatform.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.OpenSsl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.SettingsException;

/** The server does not start on a key or trust store it cannot use, and says which file and why, in one line. */
class StoreErrorsTest {

    @TempDir
    Path dir;
    private Pki pki;

    @BeforeEach
    void certificates() throws Exception {
        pki = new Pki(dir);
    }

    private SettingsException failure(Object... overrides) {
        return assertThrows(SettingsException.class, () -> pki.transport("client", overrides).close());
    }

    @Test
    void aMissingKeyStoreIsNamed() {
        Path missing = dir.resolve("nowhere/server.p12");
        SettingsException e = failure("key-store.location", missing.toString());
        assertEquals("bad value for zk.transport.tls.key-store.location: '" + missing
                + "'; allowed: an existing file (there is no such file)", e.getMessage());
    }

    @Test
    void aMissingTrustStoreIsNamed() {
        Path missing = dir.resolve("ca.p12");
        SettingsException e = failure("trust-store.location", missing.toString());
        assertTrue(e.getMessage().startsWith("bad value for zk.transport.tls.trust-store.location: '" + missing + "'"),
                e.getMessage());
    }

    @Test
    void aWrongPasswordNamesTheFileAndHidesThePassword() throws Exception {
        SettingsException e = failure("key-store.password", "not the password");
        assertEquals("bad value for zk.transport.tls.key-store.password: '(hidden)'; allowed: the password of "
                + pki.serverStore + " (it does not open with this one)", e.getMessage());

        Path jks = pki.server.writeJks(dir.resolve("server.jks"), Pki.PASSWORD);
        SettingsException jksError = failure("key-store.location", jks.toString(), "key-store.password", "wrong");
        assertTrue(jksError.getMessage().contains("the password of " + jks), jksError.getMessage());

        SettingsException trustError = failure("trust-store.password", "wrong");
        assertTrue(trustError.getMessage().contains("the password of " + pki.trustStore), trustError.getMessage());
    }

    @Test
    void anExpiredOwnCertificateIsRefusedWithItsDates() throws Exception {
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant until = Instant.parse("2021-01-01T00:00:00Z");
        Path expired = pki.ca.issue("CN=old server,O=zkplatform tests", from, until)
                .writePkcs12(dir.resolve("expired.p12"), Pki.PASSWORD);
        SettingsException e = failure("key-store.location", expired.toString());
        assertEquals("bad value for zk.transport.tls.key-store.location: '" + expired + "'; allowed: a certificate"
                + " valid now; CN=old server,O=zkplatform tests has expired (valid from 2020-01-01T00:00:00Z to"
                + " 2021-01-01T00:00:00Z)", e.getMessage());
    }

    @Test
    void aNotYetValidOwnCertificateIsRefused() throws Exception {
        Instant from = Instant.now().plus(Duration.ofDays(2));
        Path future = pki.ca.issue("CN=future,O=zkplatform tests", from, from.plus(Duration.ofDays(30)))
                .writePkcs12(dir.resolve("future.p12"), Pki.PASSWORD);
        SettingsException e = failure("key-store.location", future.toString());
        assertTrue(e.getMessage().contains("CN=future,O=zkplatform tests is not valid yet (valid from "), e.getMessage());
    }

    @Test
    void aFileThatIsNoKeyStoreIsNamed() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        SettingsException e = failure("key-store.location", garbage.toString());
        assertTrue(e.getMessage().startsWith("bad value for zk.transport.tls.key-store.location: '" + garbage
                + "'; allowed: a PKCS12 file"), e.getMessage());
    }

    @Test
    void aPemWithoutAKeyIsNamed() throws Exception {
        Path certificateOnly = pki.ca.writeTrustPem(dir.resolve("server.pem"));
        SettingsException e = failure("key-store.location", certificateOnly.toString(), "key-store.password", "");
        assertTrue(e.getMessage().startsWith("bad value for zk.transport.tls.key-store.location: '" + certificateOnly
                + "'; allowed: a PEM file holding the certificate chain and a PKCS#8 private key"), e.getMessage());
    }

    @Test
    void anUnknownExtensionNeedsAType() throws Exception {
        Path store = Files.copy(pki.serverStore, dir.resolve("server.keys"));
        SettingsException e = failure("key-store.location", store.toString());
        assertTrue(e.getMessage().startsWith("bad value for zk.transport.tls.key-store.type"), e.getMessage());
        pki.transport("client", "key-store.location", store.toString(), "key-store.type", "pkcs12").close();
    }

    @Test
    void openSslThatCannotLoadIsAClearError() {
        Assumptions.assumeFalse(OpenSsl.isAvailable(), "netty-tcnative is on the module path");
        SettingsException e = failure("provider", "openssl");
        assertTrue(e.getMessage().startsWith("bad value for zk.transport.tls.provider: 'openssl'; allowed: jdk, or"
                + " openssl with netty-tcnative-boringssl-static on the module path"), e.getMessage());
    }
}
