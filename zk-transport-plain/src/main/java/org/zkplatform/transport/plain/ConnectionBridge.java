package org.zkplatform.transport.plain;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;

/**
 * The last handler of every pipeline: turns Netty channel events into {@link ConnectionHandler}
 * calls. All methods run on the channel's event loop, which gives the SPI its "sequential per
 * connection" guarantee for free.
 */
final class ConnectionBridge extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionBridge.class);

    private final NettyConnection connection;
    private final ConnectionHandler handler;
    private final ChannelSetup setup;
    /** Completed with the connection once it is ready; for connections we opened. */
    private final CompletableFuture<Connection> opened;
    private boolean open;
    /** What the handler was last told, so it hears of each change once. */
    private boolean reportedWritable = true;
    private Throwable failure;

    ConnectionBridge(NettyConnection connection, ConnectionHandler handler, ChannelSetup setup,
                     CompletableFuture<Connection> opened) {
        this.connection = connection;
        this.handler = handler;
        this.setup = setup;
        this.opened = opened;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        setup.whenReady(ctx.channel()).whenComplete((ignored, error) -> ctx.executor().execute(() -> {
            if (error != null) {
                failure = error;
                opened.completeExceptionally(error);
                ctx.close();
            } else if (ctx.channel().isActive()) {
                open = true;
                call(ctx, () -> handler.onOpen(connection));
                opened.complete(connection);
            }
        }));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (open && buf.isReadable()) {
                call(ctx, () -> handler.onData(connection, buf.nioBuffer()));
            }
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // Netty may queue several events for quick flips; report the state as it is now, once per change.
        boolean writable = ctx.channel().isWritable();
        if (open && writable != reportedWritable) {
            reportedWritable = writable;
            call(ctx, () -> handler.onWritabilityChanged(connection, writable));
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        LOG.debug("{} failed: {}", connection, cause.toString());
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (open) {
            open = false;
            call(ctx, () -> handler.onClose(connection, Optional.ofNullable(failure)));
        } else {
            opened.completeExceptionally(failure != null ? failure
                    : new java.nio.channels.ClosedChannelException());
        }
        ctx.fireChannelInactive();
    }

    /** A handler that throws has a bug; close its connection and keep the transport running. */
    private void call(ChannelHandlerContext ctx, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("Closing {}: its handler failed", connection, e);
            ctx.close();
        }
    }
}
