package org.zkplatform.transport.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import org.zkplatform.api.SettingsException;

/**
 * The TLS contexts built from one reading of the key and trust stores: one for connections this
 * server accepts, one for those it opens (quorum peers).
 *
 * @param server for accepted connections; asks for client certificates as configured
 * @param client for connections we open; presents our certificate too
 * @param certificate the certificate both present, for logs
 */
record SslContexts(SslContext server, SslContext client, X509Certificate certificate) {

    /**
     * Reads the stores of {@code config} and builds both contexts.
     *
     * @param section the settings path, such as {@code zk.transport.tls}, for error messages
     * @throws SettingsException naming the file and what is wrong with it
     */
    static SslContexts build(TlsConfig config, long nowMillis, String section) {
        KeyMaterial key = KeyMaterial.load(config.keyStore(), nowMillis);
        TrustManager trust = TrustMaterial.load(config.trustStore());
        try {
            SslContext server = common(key.forServer(), config, trust).clientAuth(config.clientAuth().netty()).build();
            // Netty 4.2 verifies host names on client contexts by default; ours follow the setting.
            SslContext client = common(key.applyTo(SslContextBuilder.forClient()), config, trust)
                    .endpointIdentificationAlgorithm(config.hostnameVerification() ? SslHandlers.HTTPS : null)
                    .build();
            return new SslContexts(server, client, key.certificate());
        } catch (SSLException | IllegalArgumentException e) {
            throw new SettingsException(section, "protocols " + config.protocols() + ", cipher-suites "
                    + config.cipherSuites() + ", provider " + config.provider(),
                    "a combination the TLS provider accepts (" + e.getMessage() + ")");
        }
    }

    private static SslContextBuilder common(SslContextBuilder builder, TlsConfig config, TrustManager trust) {
        builder.sslProvider(config.provider()).protocols(config.protocols()).trustManager(trust);
        if (!config.cipherSuites().isEmpty()) {
            builder.ciphers(config.cipherSuites());
        }
        return builder;
    }
}
