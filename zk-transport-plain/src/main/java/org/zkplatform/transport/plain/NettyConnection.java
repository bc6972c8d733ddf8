package org.zkplatform.transport.plain;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.PeerIdentity;

/** A {@link Connection} over a Netty channel. */
final class NettyConnection implements Connection {

    private final long id;
    private final Channel channel;
    private final ChannelSetup setup;

    NettyConnection(long id, Channel channel, ChannelSetup setup) {
        this.id = id;
        this.channel = channel;
        this.setup = setup;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public Optional<PeerIdentity> peerIdentity() {
        return setup.peerIdentity(channel);
    }

    @Override
    public boolean isSecure() {
        return setup.isSecure(channel);
    }

    @Override
    public CompletionStage<Void> write(ByteBuffer data) {
        if (!channel.isActive()) {
            return CompletableFuture.failedFuture(new ClosedChannelException());
        }
        return toStage(channel.writeAndFlush(Unpooled.wrappedBuffer(data)));
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public void pauseReading() {
        channel.config().setAutoRead(false);
    }

    @Override
    public void resumeReading() {
        channel.config().setAutoRead(true);
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public CompletionStage<Void> close() {
        return toStage(channel.close());
    }

    static CompletionStage<Void> toStage(ChannelFuture future) {
        CompletableFuture<Void> stage = new CompletableFuture<>();
        future.addListener(f -> {
            if (f.isSuccess()) {
                stage.complete(null);
            } else {
                stage.completeExceptionally(f.cause());
            }
        });
        return stage;
    }

    @Override
    public String toString() {
        return "connection " + id + " " + channel.remoteAddress();
    }
}
