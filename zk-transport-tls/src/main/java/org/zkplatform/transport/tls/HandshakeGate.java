package org.zkplatform.transport.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.zkplatform.api.transport.PeerIdentity;

/**
 * Sits between the TLS layer and the application bridge until the connection is ready (the
 * handshake succeeded, or a unified port chose plaintext), records what the handshake proved, and
 * then leaves the pipeline.
 *
 * <p>It also holds back application bytes that arrive with the end of the handshake. The plain
 * transport's bridge opens a connection in a task it queues on the event loop when
 * {@link ConnectionState#ready} completes; bytes decrypted in the same read (a TLS 1.3 client
 * sends its first request right behind its Finished message) would reach the bridge before that
 * task ran and be dropped. So they wait here for a task queued after the bridge's.
 */
final class HandshakeGate extends ChannelInboundHandlerAdapter {

    private final ConnectionState state;
    private final boolean accepted;
    private final HandshakeFailures failures;
    /** Messages held until the bridge is open; null once they are let through. */
    private List<Object> held = new ArrayList<>();

    /**
     * @param accepted whether a listener accepted the connection, for the failure's log line
     * @param failures where a failed handshake is reported
     */
    HandshakeGate(ConnectionState state, boolean accepted, HandshakeFailures failures) {
        this.state = state;
        this.accepted = accepted;
        this.failures = failures;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion) {
            if (completion.isSuccess()) {
                state.secured(peerIdentity(ctx));
                open(ctx);
            } else {
                failures.failed((InetSocketAddress) ctx.channel().remoteAddress(), accepted, completion.cause());
                state.ready.completeExceptionally(completion.cause());
            }
        } else if (event == PlaintextChosen.INSTANCE) {
            open(ctx);
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    private void open(ChannelHandlerContext ctx) {
        state.ready.complete(null);
        ctx.executor().execute(() -> {
            List<Object> messages = held;
            held = null;
            for (Object message : messages) {
                ctx.fireChannelRead(message);
            }
            if (!messages.isEmpty()) {
                ctx.fireChannelReadComplete();
            }
            if (!ctx.isRemoved()) {
                ctx.pipeline().remove(this);
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (held != null) {
            held.add(message);
        } else {
            ctx.fireChannelRead(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        state.ready.completeExceptionally(new ClosedChannelException());
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (held != null) {
            held.forEach(ReferenceCountUtil::release);
            held = null;
        }
    }

    private static Optional<PeerIdentity> peerIdentity(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : ssl.engine().getSession().getPeerCertificates()) {
                chain.add((X509Certificate) certificate);
            }
            return Optional.of(new PeerIdentity(chain));
        } catch (SSLPeerUnverifiedException e) {
            // client-auth want or none, and the client sent no certificate
            return Optional.empty();
        }
    }
}
