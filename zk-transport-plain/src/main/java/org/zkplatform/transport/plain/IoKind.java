package org.zkplatform.transport.plain;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which Netty I/O implementation to use: native epoll where it loads, NIO everywhere else. */
enum IoKind {
    EPOLL {
        @Override
        IoHandlerFactory handlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return EpollServerSocketChannel.class;
        }

        @Override
        Class<? extends SocketChannel> clientChannel() {
            return EpollSocketChannel.class;
        }
    },
    NIO {
        @Override
        IoHandlerFactory handlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return NioServerSocketChannel.class;
        }

        @Override
        Class<? extends SocketChannel> clientChannel() {
            return NioSocketChannel.class;
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(IoKind.class);
    private static final AtomicBoolean LOGGED = new AtomicBoolean();

    abstract IoHandlerFactory handlerFactory();

    abstract Class<? extends ServerChannel> serverChannel();

    abstract Class<? extends SocketChannel> clientChannel();

    /** Picks the I/O kind, logging the choice once per process. */
    static IoKind choose(boolean preferNative) {
        IoKind kind = preferNative && Epoll.isAvailable() ? EPOLL : NIO;
        if (LOGGED.compareAndSet(false, true)) {
            if (kind == EPOLL) {
                LOG.info("Network I/O: native epoll");
            } else if (preferNative) {
                LOG.info("Network I/O: NIO (native epoll unavailable: {})", reason());
            } else {
                LOG.info("Network I/O: NIO (native transport disabled by configuration)");
            }
        }
        return kind;
    }

    private static String reason() {
        Throwable cause = Epoll.unavailabilityCause();
        return cause == null ? "unknown" : cause.toString();
    }
}
