package org.zkplatform.transport.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which part of a client certificate becomes its {@code x509} id. */
enum X509IdType {

    /** The subject DN in RFC 2253 form, as {@code X500Principal.getName()} writes it: ZooKeeper's id. */
    SUBJECT(-1),
    /** A subject alternative name of type rfc822Name (an e-mail address). */
    SAN_EMAIL(1),
    /** A subject alternative name of type dNSName. */
    SAN_DNS(2),
    /** A subject alternative name of type uniformResourceIdentifier (a SPIFFE id, say). */
    SAN_URI(6),
    /** A subject alternative name of type iPAddress. */
    SAN_IP(7);

    /** The GeneralName tag of {@link X509Certificate#getSubjectAlternativeNames()}; -1 for the subject. */
    private final int sanTag;

    X509IdType(int sanTag) {
        this.sanTag = sanTag;
    }

    /** The name configuration uses: {@code subject}, {@code san-dns}, ... */
    String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The id of {@code certificate}: its subject, or its first alternative name of this type that
     * {@code match} matches in full; empty when it has none.
     */
    Optional<String> idOf(X509Certificate certificate, Pattern match) {
        if (this == SUBJECT) {
            return Optional.of(certificate.getSubjectX500Principal().getName());
        }
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return Optional.empty();
            }
            return names.stream()
                    .filter(name -> name.size() == 2 && Integer.valueOf(sanTag).equals(name.get(0)))
                    .map(name -> String.valueOf(name.get(1)))
                    .filter(value -> match.matcher(value).matches())
                    .findFirst();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
    }
}
