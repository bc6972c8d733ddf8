package org.zkplatform.dist;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.SettingsException;
import org.zkplatform.api.auth.AuthenticationProvider;
import org.zkplatform.api.election.ElectionException;
import org.zkplatform.api.election.ElectionProvider;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.StorageProvider;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.api.transport.TransportProvider;
import org.zkplatform.dist.admin.AdminServer;
import org.zkplatform.dist.compose.AdminModule;
import org.zkplatform.dist.compose.ChosenProviders;
import org.zkplatform.dist.compose.Lifecycle;
import org.zkplatform.dist.compose.ServerModule;
import org.zkplatform.dist.config.ConfigLoader;
import org.zkplatform.dist.config.ServerSettings;
import org.zkplatform.dist.plugin.PluginLayer;
import org.zkplatform.dist.plugin.ProviderCatalog;
import org.zkplatform.zab.ZkServer;

/**
 * Starts a server: plugins, configuration, provider choice, composition, start. Every failure on
 * the way is a {@link StartupException} with one line for the operator.
 */
public final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    /**
     * A started server.
     *
     * @param adminAddress where the admin endpoint listens, if enabled
     */
    public record Running(ZkServer server, Optional<InetSocketAddress> adminAddress, Lifecycle lifecycle) {

        /** Stops everything in reverse order of creation. */
        public void stop() {
            lifecycle.stop();
        }
    }

    public static Running start(LaunchOptions options) throws StartupException {
        ModuleLayer layer = PluginLayer.create(options.pluginDir());
        ClassLoader modules = layer == ModuleLayer.boot()
                ? Launcher.class.getClassLoader()
                : layer.modules().iterator().next().getClassLoader();
        Config config = ConfigLoader.load(modules, options.configFile(), System.getProperties());
        ServerSettings settings = ServerSettings.from(config);
        LOG.info("Configuration: {}", config.getConfig("zk").root().render(ConfigRenderOptions.concise()));

        ChosenProviders providers = chooseProviders(layer, settings);
        Lifecycle lifecycle = new Lifecycle();
        try {
            Injector injector = Guice.createInjector(Stage.PRODUCTION, new ServerModule(settings, providers, lifecycle),
                    new AdminModule(settings.admin(), settings.pauseMonitor(), lifecycle));
            ZkServer server = injector.getInstance(ZkServer.class);
            server.start();
            // After the server: the endpoint's port is bound already, so probes queue until now.
            Optional<AdminServer> admin = injector.getInstance(Key.get(new TypeLiteral<Optional<AdminServer>>() { }));
            admin.ifPresent(AdminServer::start);
            return new Running(server, admin.map(AdminServer::address), lifecycle);
        } catch (TransportException e) {
            lifecycle.stop();
            throw new StartupException(ExitCode.LISTEN, "cannot open the client port: " + e.getMessage(), e);
        } catch (ElectionException e) {
            lifecycle.stop();
            throw new StartupException(ExitCode.LISTEN, "cannot start leader election: " + e.getMessage(), e);
        } catch (StorageException e) {
            lifecycle.stop();
            throw new StartupException(ExitCode.STORAGE, "cannot load the database: " + e.getMessage(), e);

        } catch (ProvisionException | CreationException | SettingsException e) {
            lifecycle.stop();
            throw unwrap(e);        } catch (Exception e) {
            lifecycle.stop();
            throw new StartupException(ExitCode.UNEXPECTED, "cannot start the server: " + e, e);
        }
    }

    private static ChosenProviders chooseProviders(ModuleLayer layer, ServerSettings settings) throws StartupException {
        ProviderCatalog<TransportProvider> transports =
                ProviderCatalog.load(layer, TransportProvider.class, "transport", TransportProvider::name);
        ProviderCatalog<StorageProvider> storages =
                ProviderCatalog.load(layer, StorageProvider.class, "storage", StorageProvider::name);
        ProviderCatalog<AuthenticationProvider> schemes = ProviderCatalog.load(layer, AuthenticationProvider.class,
                "authentication", AuthenticationProvider::scheme);
        ProviderCatalog<ElectionProvider> elections = ProviderCatalog.load(layer, ElectionProvider.class,
                "election algorithm", provider -> Integer.toString(provider.algorithm()));
        TransportProvider clientTransport = transports.choose(settings.clientTransport(), "zk.client.transport").provider();
        Optional<TransportProvider> secureClientTransport = Optional.empty();
        if (settings.secureClientPort().isPresent()) {
            secureClientTransport = Optional.of(transports.choose(settings.secureClientPort().get().transport(),
                    "zk.client.secure-transport").provider());
        }
        StorageProvider storage = storages.choose(settings.storageProvider(), "zk.storage.provider").provider();
        Optional<TransportProvider> quorumTransport = Optional.empty();
        Optional<ElectionProvider> election = Optional.empty();
        if (!settings.ensemble().isStandalone()) {
            quorumTransport = Optional.of(transports.choose(settings.quorumTransport(), "zk.quorum.transport").provider());
            election = Optional.of(elections.choose(Integer.toString(settings.electionAlgorithm()),
                    "zk.election.algorithm").provider());
        }
        return new ChosenProviders(clientTransport, secureClientTransport, storage, schemes.providers(),
                quorumTransport, election);
    }

    /** Finds the operator-facing failure inside Guice's wrapping. */
    private static StartupException unwrap(RuntimeException e) {
        // Guice keeps the cause of an eager singleton's failure in its messages, not as getCause().
        Throwable start = e;
        if (e instanceof CreationException creation) {
            start = creation.getErrorMessages().stream().map(Message::getCause).filter(Objects::nonNull)
                    .findFirst().orElse(e);
        }
        for (Throwable cause = start; cause != null; cause = cause.getCause()) {
            if (cause instanceof SettingsException) {
                return new StartupException(ExitCode.INVALID_CONFIG, cause.getMessage(), cause);
            }
            if (cause instanceof StorageException) {
                return new StartupException(ExitCode.STORAGE, "cannot open the storage: " + cause.getMessage(), cause);
            }
            if (cause instanceof TransportException) {
                return new StartupException(ExitCode.LISTEN, cause.getMessage(), cause);
            }
        }
        return new StartupException(ExitCode.UNEXPECTED, "cannot compose the server: " + Optional.ofNullable(
                e.getCause()).orElse(e), e);
    }
}
