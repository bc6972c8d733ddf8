package org.zkplatform.transport.tls;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.Settings;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportContext;
import org.zkplatform.api.transport.TransportProvider;
import org.zkplatform.transport.plain.NettyTransport;
import org.zkplatform.transport.plain.NettyTransportConfig;

/**
 * The {@code tls} transport: TLS 1.3/1.2 over the plain transport's Netty plumbing, in
 * {@code tls-only} or {@code unified} mode. The same provider serves the client port and, for
 * the quorum, both directions (it also opens connections, verifying the peer's host name).
 */
public final class TlsTransportProvider implements TransportProvider {

    public static final String NAME = "tls";
    private static final Logger LOG = LoggerFactory.getLogger(TlsTransportProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Reads the stores once here, so a missing file, a wrong password or an own certificate that
     * is not valid now stops the server at startup with the file's name.
     */
    @Override
    public Transport create(Settings settings, TransportContext context) {
        TlsConfig config = TlsConfig.from(settings, context.purpose());
        NettyTransportConfig socket = NettyTransportConfig.from(settings);
        TlsContexts contexts = new TlsContexts(config, context.clock(), settings.path());
        X509Certificate certificate = contexts.certificate();
        LOG.info("TLS for {} connections: {}{}, {}, {} provider, client certificates {}, hostname verification {},"
                        + " presenting {} (valid until {}), {}", context.purpose(), config.mode().configName(),
                opens(config, context.purpose()), config.protocols(), config.provider().name().toLowerCase(Locale.ROOT),
                config.clientAuth().configName(), config.hostnameVerification() ? "on" : "off",
                certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant(),
                config.reloadCertificates() ? "reloaded on change" : "not reloaded");
        Optional<CertificateReloader> reloader = Optional.empty();
        if (config.reloadCertificates()) {
            reloader = Optional.of(new CertificateReloader(storeFiles(config), contexts, config.reloadCheckInterval(),
                    context.purpose()));
        }
        TlsChannelSetup setup = new TlsChannelSetup(config.mode(), config.connect(), new SslHandlers(contexts, config),
                config.handshakeTimeout(), new HandshakeFailures(context.purpose(), context.clock()));
        return new TlsTransport(new NettyTransport(NAME, socket, context, setup), reloader);
    }

    /** What connections this transport opens speak; only the quorum opens any, so only its line says. */
    private static String opens(TlsConfig config, String purpose) {
        if (!TlsConfig.QUORUM_PURPOSE.equals(purpose)) {
            return "";
        }
        return config.connect() == ConnectMode.TLS ? ", opening TLS connections"
                : ", opening plaintext connections (accepting TLS and plaintext while the ensemble moves to TLS)";
    }

    private static List<Path> storeFiles(TlsConfig config) {
        List<Path> files = new ArrayList<>();
        files.add(config.keyStore().location());
        config.trustStore().ifPresent(store -> files.add(store.location()));
        return files;
    }
}
