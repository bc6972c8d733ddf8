package org.zkplatform.transport.tls;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.zkplatform.api.transport.PeerIdentity;

/**
 * What the TLS layer learns about one connection: when it may carry application bytes, whether
 * they are encrypted, and who the peer proved to be. Written on the channel's event loop, read
 * from any thread.
 */
final class ConnectionState {

    /** Completes when the handshake succeeds or plaintext is chosen; fails when the handshake does. */
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean secure;
    private volatile Optional<PeerIdentity> peerIdentity = Optional.empty();

    void secured(Optional<PeerIdentity> identity) {
        this.peerIdentity = identity;
        this.secure = true;
    }

    boolean isSecure() {
        return secure;
    }

    Optional<PeerIdentity> peerIdentity() {
        return peerIdentity;
    }
}
