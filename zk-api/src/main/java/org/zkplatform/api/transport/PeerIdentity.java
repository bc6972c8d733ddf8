package org.zkplatform.api.transport;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The verified identity of the remote side of a connection.
 *
 * @param certificates the peer's certificate chain, its own certificate first
 */
public record PeerIdentity(List<X509Certificate> certificates) {

    public PeerIdentity {
        certificates = List.copyOf(Objects.requireNonNull(certificates, "certificates is null"));
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a peer identity needs at least one certificate");
        }
    }

    /** The peer's own certificate. */
    public X509Certificate certificate() {
        return certificates.get(0);
    }
}
