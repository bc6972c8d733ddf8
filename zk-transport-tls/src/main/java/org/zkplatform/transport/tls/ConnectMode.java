package org.zkplatform.transport.tls;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the connections this transport opens speak. Only the quorum opens connections; a client
 * port never does, so for it the setting has no effect.
 */
enum ConnectMode {

    /** Every connection we open starts with a TLS handshake and verifies the peer. */
    TLS,

    /**
     * Plain TCP, while listeners (in {@link TlsMode#UNIFIED} mode) accept TLS and plaintext alike:
     * the first step of moving a running ensemble to TLS, ZooKeeper's {@code sslQuorum=false}
     * with {@code portUnification=true}. Servers not yet restarted accept only plaintext, so no
     * server may dial TLS until every one accepts it.
     */
    PLAINTEXT;

    /** The name configuration uses: {@code tls}, {@code plaintext}. */
    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ConnectMode> fromConfigName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.configName().equals(name)).findFirst();
    }
}
