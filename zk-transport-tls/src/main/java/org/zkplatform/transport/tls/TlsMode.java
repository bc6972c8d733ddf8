package org.zkplatform.transport.tls;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a listener of the {@code tls} transport accepts. */
enum TlsMode {

    /** TLS connections only; anything else fails its handshake and is closed. */
    TLS_ONLY,

    /**
     * TLS and plaintext on one port, told apart by each connection's first bytes (ZooKeeper's
     * {@code portUnification}): lets clients move to TLS one at a time without a second port.
     */
    UNIFIED;

    /** The name configuration uses: {@code tls-only}, {@code unified}. */
    String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<TlsMode> fromConfigName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.configName().equals(name)).findFirst();
    }
}
