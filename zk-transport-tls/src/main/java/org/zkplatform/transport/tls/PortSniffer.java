package org.zkplatform.transport.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler on a unified port: waits for enough bytes to tell TLS from plaintext
 * ({@link TlsSniff}), then replaces itself with an {@link io.netty.handler.ssl.SslHandler} or
 * simply leaves, and the bytes it held flow on to what took its place. A connection that does not
 * send enough bytes within the handshake timeout is closed, so silent connections cannot pile up.
 */
final class PortSniffer extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(PortSniffer.class);

    private final SslHandlers handlers;
    private final Duration timeout;
    private ScheduledFuture<?> stall;

    PortSniffer(SslHandlers handlers, Duration timeout) {
        this.handlers = handlers;
        this.timeout = timeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        stall = ctx.executor().schedule(() -> {
            LOG.warn("Closing connection from {}: too few bytes within {} ms to tell TLS from plaintext",
                    ctx.channel().remoteAddress(), timeout.toMillis());
            ctx.close();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (TlsSniff.decide(in)) {
            case TLS -> {
                cancelStall();
                ctx.pipeline().replace(this, TlsChannelSetup.TLS_HANDLER, handlers.accepted(ctx.channel()));
            }
            case PLAINTEXT -> {
                cancelStall();
                // Announce first: what comes after this handler must know before the held bytes reach it.
                ctx.fireUserEventTriggered(PlaintextChosen.INSTANCE);
                ctx.pipeline().remove(this);
            }
            case NEED_MORE -> {
                // Wait for the next read; the stall timer bounds the wait.
            }
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelStall();
    }

    private void cancelStall() {
        if (stall != null) {
            stall.cancel(false);
        }
    }
}
