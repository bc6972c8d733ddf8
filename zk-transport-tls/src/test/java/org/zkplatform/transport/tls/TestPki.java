package org.zkplatform.transport.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
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
 * Certificates made at test time with BouncyCastle: a CA and the certificates it signs, written as
 * PKCS12, JKS or PEM files. EC P-256 keys, so making them is quick.
 */
final class TestPki {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A key pair and its certificate chain, leaf first. */
    record Issued(KeyPair keys, List<X509Certificate> chain) {

        X509Certificate certificate() {
            return chain.get(0);
        }

        Path writePkcs12(Path file, String password) throws IOException, GeneralSecurityException {
            return writeKeyStore("PKCS12", file, password);
        }

        Path writeJks(Path file, String password) throws IOException, GeneralSecurityException {
            return writeKeyStore("JKS", file, password);
        }

        /** The chain and the unencrypted PKCS#8 key in one PEM file, as ZooKeeper's PEM key stores are. */
        Path writePem(Path file) throws IOException, GeneralSecurityException {
            StringBuilder text = new StringBuilder();
            for (X509Certificate certificate : chain) {
                text.append(pem("CERTIFICATE", certificate.getEncoded()));
            }
            text.append(pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        }

        private Path writeKeyStore(String type, Path file, String password) throws IOException, GeneralSecurityException {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            store.setKeyEntry("key", keys.getPrivate(), password.toCharArray(), chain.toArray(new Certificate[0]));
            return save(store, file, password);
        }
    }

    private final Issued ca;

    private TestPki(Issued ca) {
        this.ca = ca;
    }

    /** A new self-signed CA named {@code name}. */
    static TestPki newCa(String name) throws GeneralSecurityException {
        KeyPair keys = keyPair();
        X500Principal subject = new X500Principal("CN=" + name + ",O=zkplatform tests");
        Instant now = Instant.now();
        X509Certificate certificate = sign(subject, keys, subject, keys, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)), true, List.of());
        return new TestPki(new Issued(keys, List.of(certificate)));
    }

    X509Certificate certificate() {
        return ca.certificate();
    }

    /** A certificate for 127.0.0.1 and localhost, valid from yesterday for a year. */
    Issued issue(String dn) throws GeneralSecurityException {
        Instant now = Instant.now();
        return issue(dn, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    Issued issue(String dn, Instant notBefore, Instant notAfter) throws GeneralSecurityException {
        return issue(dn, notBefore, notAfter, List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    }

    Issued issue(String dn, Instant notBefore, Instant notAfter, List<GeneralName> altNames)
            throws GeneralSecurityException {
        KeyPair keys = keyPair();
        X509Certificate certificate = sign(new X500Principal(dn), keys, ca.certificate().getSubjectX500Principal(),
                ca.keys(), notBefore, notAfter, false, altNames);
        List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
        chain.add(ca.certificate());
        return new Issued(keys, chain);
    }

    /** A trust store holding this CA's certificate. */
    Path writeTrustPkcs12(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca.certificate());
        return save(store, file, password);
    }

    Path writeTrustPem(Path file) throws IOException, GeneralSecurityException {
        return Files.writeString(file, pem("CERTIFICATE", ca.certificate().getEncoded()), StandardCharsets.US_ASCII);
    }

    private static Path save(KeyStore store, Path file, String password) throws IOException, GeneralSecurityException {
        // Written aside and moved, so a reloader polling the file never reads half of it.
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password.toCharArray());
        }
        return Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Principal subject, KeyPair subjectKeys, X500Principal issuer,
                                        KeyPair issuerKeys, Instant notBefore, Instant notAfter, boolean ca,
                                        List<GeneralName> altNames) throws GeneralSecurityException {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (!altNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(altNames.toArray(new GeneralName[0])));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot sign a test certificate", e);
        }
    }
}
