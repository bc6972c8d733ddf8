package org.zkplatform.transport.plain;

import io.netty.channel.Channel;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletableFuture;
import org.zkplatform.api.transport.PeerIdentity;

/**
 * What a transport adds to each channel's pipeline before the application sees bytes. The plain
 * transport adds nothing; the TLS transport adds its handshake, and reports the peer's
 * certificate once it is verified.
 */
public interface ChannelSetup {

    /** Plain TCP: nothing to add, ready at once, no identity. */
    ChannelSetup PLAIN = new ChannelSetup() {
    };

    /**
     * Adds handlers to a new channel's pipeline. They go before the handler that hands bytes to
     * the application.
     *
     * @param accepted true for a connection accepted by a listener, false for one we opened
     */
    default void initChannel(Channel channel, boolean accepted) {
    }

    /** Completes when the channel may carry application bytes (after a TLS handshake, say). */
    default CompletionStage<Void> whenReady(Channel channel) {
        return CompletableFuture.completedFuture(null);
    }

    default Optional<PeerIdentity> peerIdentity(Channel channel) {
        return Optional.empty();
    }

    default boolean isSecure(Channel channel) {
        return false;
    }
}
