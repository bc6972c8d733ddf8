package org.zkplatform.transport.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Adds the {@link io.netty.handler.ssl.SslHandler} to a connection we open once its address is
 * known (the pipeline is built before the connect call), so the handshake can name and verify
 * the host; then leaves the pipeline.
 */
final class ConnectTls extends ChannelOutboundHandlerAdapter {

    private final SslHandlers handlers;

    ConnectTls(SslHandlers handlers) {
        this.handlers = handlers;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        ctx.pipeline().addAfter(ctx.name(), TlsChannelSetup.TLS_HANDLER,
                handlers.opened(ctx.channel(), (InetSocketAddress) remote));
        ctx.connect(remote, local, promise);
        ctx.pipeline().remove(this);
    }
}
