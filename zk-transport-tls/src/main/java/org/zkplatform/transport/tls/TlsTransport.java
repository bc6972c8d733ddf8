package org.zkplatform.transport.tls;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.transport.plain.NettyTransport;

/** The plain transport's Netty plumbing with the TLS setup in it, plus the certificate reloader it owns. */
final class TlsTransport implements Transport {

    private final NettyTransport netty;
    private final Optional<CertificateReloader> reloader;

    TlsTransport(NettyTransport netty, Optional<CertificateReloader> reloader) {
        this.netty = netty;
        this.reloader = reloader;
    }

    @Override
    public String name() {
        return netty.name();
    }

    @Override
    public Listener listen(InetSocketAddress address, ConnectionHandler handler) throws TransportException {
        return netty.listen(address, handler);
    }

    @Override
    public CompletionStage<Connection> connect(InetSocketAddress address, Duration timeout, ConnectionHandler handler) {
        return netty.connect(address, timeout, handler);
    }

    @Override
    public void close() {
        reloader.ifPresent(CertificateReloader::close);
        netty.close();
    }
}
