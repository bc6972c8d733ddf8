package org.zkplatform.api.auth;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.zkplatform.api.transport.PeerIdentity;

/**
 * What a client presents.
 *
 * @param credentials the bytes of {@code addauth}, empty when identifying a new connection
 * @param remoteAddress the client's address
 * @param peerIdentity the client's verified certificate, if it used TLS with one
 */
public record AuthRequest(byte[] credentials, InetSocketAddress remoteAddress, Optional<PeerIdentity> peerIdentity) {

    public AuthRequest {
        Objects.requireNonNull(credentials, "credentials is null");
        Objects.requireNonNull(remoteAddress, "remoteAddress is null");
        Objects.requireNonNull(peerIdentity, "peerIdentity is null");
    }
}
