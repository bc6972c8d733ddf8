package org.zkplatform.transport.plain;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportContext;
import org.zkplatform.api.transport.TransportException;

/**
 * A {@link Transport} on Netty: one event-loop group for accepting and for I/O, and a
 * {@link ChannelSetup} that decides what sits in front of the application (nothing for plain TCP,
 * a TLS handshake for the TLS transport).
 */
public final class NettyTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(NettyTransport.class);

    private final String name;
    private final NettyTransportConfig config;
    private final ChannelSetup setup;
    private final IoKind ioKind;
    private final EventLoopGroup group;
    private final ChannelGroup channels;
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    public NettyTransport(String name, NettyTransportConfig config, TransportContext context, ChannelSetup setup) {
        this.name = name;
        this.config = config;
        this.setup = setup;
        this.ioKind = IoKind.choose(config.preferNative());
        this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory("zk-" + context.purpose() + "-" + name, true), ioKind.handlerFactory());
        this.channels = new DefaultChannelGroup(name + "-" + context.purpose(), GlobalEventExecutor.INSTANCE);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Listener listen(InetSocketAddress address, ConnectionHandler handler) throws TransportException {
        ensureOpen();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(ioKind.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
                .childHandler(initializer(handler, true, new CompletableFuture<>()));
        if (config.listenBacklog() > 0) {
            bootstrap.option(ChannelOption.SO_BACKLOG, config.listenBacklog());
        }
        ChannelFuture bind = bootstrap.bind(address).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            throw new TransportException(bindFailure(address, bind.cause()), bind.cause());
        }
        Channel server = bind.channel();
        channels.add(server);
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        LOG.debug("{} transport listening on {}", name, bound);
        return new Listener() {
            @Override
            public InetSocketAddress localAddress() {
                return bound;
            }

            @Override
            public void close() {
                server.close().awaitUninterruptibly();
            }
        };
    }

    @Override
    public CompletionStage<Connection> connect(InetSocketAddress address, Duration timeout, ConnectionHandler handler) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new TransportException("transport " + name + " is closed"));
        }
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        new Bootstrap()
                .group(group)
                .channel(ioKind.clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(initializer(handler, false, opened))
                .connect(address)
                .addListener((ChannelFuture f) -> {
                    if (!f.isSuccess()) {
                        opened.completeExceptionally(
                                new TransportException(connectFailure(address, timeout, f.cause()), f.cause()));
                    }
                });
        return opened;
    }

    private ChannelInitializer<Channel> initializer(
            ConnectionHandler handler, boolean accepted, CompletableFuture<Connection> opened) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                channels.add(channel);
                setup.initChannel(channel, accepted);
                NettyConnection connection = new NettyConnection(connectionIds.incrementAndGet(), channel, setup);
                // An accepted channel gets a fresh future each time; only opened-by-us ones are awaited.
                CompletableFuture<Connection> ready = accepted ? new CompletableFuture<>() : opened;
                channel.pipeline().addLast("bridge", new ConnectionBridge(connection, handler, setup, ready));
            }
        };
    }

    private WriteBufferWaterMark waterMark() {
        return new WriteBufferWaterMark(config.writeBufferLowBytes(), config.writeBufferHighBytes());
    }

    private void ensureOpen() throws TransportException {
        if (closed.get()) {
            throw new TransportException("transport " + name + " is closed");
        }
    }

    static String bindFailure(InetSocketAddress address, Throwable cause) {
        String where = "port " + address.getPort() + " on " + hostOf(address);
        // NIO reports a BindException, epoll a native error carrying the same text.
        if (String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("address already in use")) {
            return where + " is already in use";
        }
        return "cannot listen on " + where + ": " + cause.getMessage();
    }

    static String connectFailure(InetSocketAddress address, Duration timeout, Throwable cause) {
        String where = "cannot connect to " + hostOf(address) + ":" + address.getPort();
        if (cause instanceof ConnectTimeoutException) {
            return where + ": timed out after " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return where + ": connection refused";
        }
        return where + ": " + cause.getMessage();
    }

    private static String hostOf(InetSocketAddress address) {
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
