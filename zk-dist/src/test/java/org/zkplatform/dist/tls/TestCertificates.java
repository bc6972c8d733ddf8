package org.zkplatform.dist.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test CA made with BouncyCastle, and PKCS12 files for the certificates it signs: what the TLS
 * tests and the bench's TLS runs give both servers and their clients. Each certificate names
 * 127.0.0.1 and localhost, so host name verification passes on the loopback.
 */
public final class TestCertificates {

    /** The password of every file written here. */
    public static final String PASSWORD = "changeit";
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCertificates(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A new self-signed CA. */
    public static TestCertificates newCa(String name) throws GeneralSecurityException {
        KeyPair keys = keyPair();
        X500Principal subject = new X500Principal("CN=" + name + ",O=zkplatform tests");
        return new TestCertificates(keys, sign(subject, keys.getPublic(), subject, keys, true));
    }

    /** Writes a PKCS12 key store at {@code file} with a new key and a certificate for {@code dn} that this CA signs. */
    public Path writeKeyStore(Path file, String dn) throws IOException, GeneralSecurityException {
        KeyPair leaf = keyPair();
        X509Certificate issued = sign(new X500Principal(dn), leaf.getPublic(), certificate.getSubjectX500Principal(),
                keys, false);
        KeyStore store = emptyStore();
        store.setKeyEntry("key", leaf.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {issued, certificate});
        return save(store, file);
    }

    /** Writes a PKCS12 trust store at {@code file} holding this CA's certificate. */
    public Path writeTrustStore(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setCertificateEntry("ca", certificate);
        return save(store, file);
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Path save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Principal subject, java.security.PublicKey subjectKey, X500Principal issuer,
                                        KeyPair issuerKeys, boolean ca) throws GeneralSecurityException {
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), subject, subjectKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (!ca) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot sign a test certificate", e);
        }
    }
}
