package org.zkplatform.transport.tls;

import io.netty.handler.ssl.ClientAuth;
import java.util.Locale;

/** Whether a client must present a certificate: ZooKeeper's {@code ssl.clientAuth} values. */
enum ClientAuthMode {

    /** A client without a certificate that chains to the trust store fails the handshake (ZooKeeper's default). */
    NEED(ClientAuth.REQUIRE),
    /** A certificate is asked for and verified if sent; a client may send none. */
    WANT(ClientAuth.OPTIONAL),
    NONE(ClientAuth.NONE);

    private final ClientAuth netty;

    ClientAuthMode(ClientAuth netty) {
        this.netty = netty;
    }

    ClientAuth netty() {
        return netty;
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
