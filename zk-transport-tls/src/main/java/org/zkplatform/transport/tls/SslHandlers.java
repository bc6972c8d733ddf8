package org.zkplatform.transport.tls;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/** Makes the {@link SslHandler} of each new connection from the contexts current at that moment. */
final class SslHandlers {

    /** The JDK's name for RFC 2818 host name checking, used for both directions. */
    static final String HTTPS = "HTTPS";

    private final TlsContexts contexts;
    private final TlsConfig config;

    SslHandlers(TlsContexts contexts, TlsConfig config) {
        this.contexts = contexts;
        this.config = config;
    }

    /**
     * For a connection a listener accepted. With hostname verification on, the client's
     * certificate must name the address it connects from (an IP address entry; no reverse DNS
     * lookup, which would block the event loop).
     */
    SslHandler accepted(Channel channel) {
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        return configure(contexts.server(), channel, remote.getAddress().getHostAddress(), remote.getPort());
    }

    /** For a connection we open to {@code remote}: its certificate must name that host when verification is on. */
    SslHandler opened(Channel channel, InetSocketAddress remote) {
        return configure(contexts.client(), channel, remote.getHostString(), remote.getPort());
    }

    private SslHandler configure(SslContext context, Channel channel, String peerHost, int peerPort) {
        SslHandler handler = context.newHandler(channel.alloc(), peerHost, peerPort);
        handler.setHandshakeTimeoutMillis(config.handshakeTimeout().toMillis());
        if (config.hostnameVerification()) {
            // The JDK checks the peer's certificate against the engine's peer host when this is set,
            // on a server engine too (for the client's certificate).
            SSLEngine engine = handler.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(HTTPS);
            engine.setSSLParameters(parameters);
        }
        return handler;
    }
}
