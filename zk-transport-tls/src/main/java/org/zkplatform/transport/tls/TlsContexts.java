package org.zkplatform.transport.tls;

import io.netty.handler.ssl.SslContext;
import java.security.cert.X509Certificate;
import org.zkplatform.api.time.Clock;

/**
 * The TLS contexts in use: built at startup, replaced whole when the stores are reloaded. Each new
 * connection takes the contexts current when it opens.
 */
final class TlsContexts {

    private final TlsConfig config;
    private final Clock clock;
    private final String section;
    private volatile SslContexts current;

    /**
     * Builds the first contexts.
     *
     * @throws org.zkplatform.api.SettingsException when a store cannot be read or its certificate is not valid now
     */
    TlsContexts(TlsConfig config, Clock clock, String section) {
        this.config = config;
        this.clock = clock;
        this.section = section;
        this.current = SslContexts.build(config, clock.currentTimeMillis(), section);
    }

    SslContext server() {
        return current.server();
    }

    SslContext client() {
        return current.client();
    }

    /** The certificate presented now. */
    X509Certificate certificate() {
        return current.certificate();
    }

    /**
     * Reads the stores again and, if they load, uses them for new connections.
     *
     * @throws org.zkplatform.api.SettingsException when they do not load; the current contexts stay
     */
    SslContexts reload() {
        SslContexts loaded = SslContexts.build(config, clock.currentTimeMillis(), section);
        current = loaded;
        return loaded;
    }
}
