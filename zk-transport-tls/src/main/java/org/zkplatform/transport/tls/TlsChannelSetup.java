package org.zkplatform.transport.tls;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.zkplatform.api.transport.PeerIdentity;
import org.zkplatform.transport.plain.ChannelSetup;

/**
 * What the {@code tls} transport puts in front of the application on each channel: a TLS
 * handshake, or on a unified port a sniffer that picks TLS or plaintext; then a
 * {@link HandshakeGate} until the connection is ready. A connection we open gets TLS, or nothing
 * at all when {@link ConnectMode#PLAINTEXT} says to dial plaintext.
 */
final class TlsChannelSetup implements ChannelSetup {

    static final String TLS_HANDLER = "tls";
    private static final AttributeKey<ConnectionState> STATE = AttributeKey.valueOf(TlsChannelSetup.class, "state");

    private final TlsMode mode;
    private final ConnectMode connect;
    private final SslHandlers handlers;
    private final Duration handshakeTimeout;
    private final HandshakeFailures failures;

    TlsChannelSetup(TlsMode mode, ConnectMode connect, SslHandlers handlers, Duration handshakeTimeout,
                    HandshakeFailures failures) {
        this.mode = mode;
        this.connect = connect;
        this.handlers = handlers;
        this.handshakeTimeout = handshakeTimeout;
        this.failures = failures;
    }

    @Override
    public void initChannel(Channel channel, boolean accepted) {
        ConnectionState state = new ConnectionState();
        channel.attr(STATE).set(state);
        ChannelPipeline pipeline = channel.pipeline();
        if (!accepted && connect == ConnectMode.PLAINTEXT) {
            // Nothing to wait for: the bytes go out as the plain transport's would.
            state.ready.complete(null);
            return;
        }
        if (!accepted) {
            pipeline.addLast("tls-connect", new ConnectTls(handlers));
        } else if (mode == TlsMode.UNIFIED) {
            pipeline.addLast("sniff", new PortSniffer(handlers, handshakeTimeout));
        } else {
            pipeline.addLast(TLS_HANDLER, handlers.accepted(channel));
        }
        pipeline.addLast("gate", new HandshakeGate(state, accepted, failures));
    }

    @Override
    public CompletionStage<Void> whenReady(Channel channel) {
        return channel.attr(STATE).get().ready;
    }

    @Override
    public Optional<PeerIdentity> peerIdentity(Channel channel) {
        return channel.attr(STATE).get().peerIdentity();
    }

    @Override
    public boolean isSecure(Channel channel) {
        return channel.attr(STATE).get().isSecure();
    }
}
