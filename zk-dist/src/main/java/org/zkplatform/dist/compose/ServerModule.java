package org.zkplatform.dist.compose;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import jakarta.inject.Named;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.zkplatform.api.auth.AuthenticationProvider;
import org.zkplatform.api.Settings;
import org.zkplatform.api.ServerId;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.election.ElectionContext;
import org.zkplatform.api.election.ElectionProvider;
import org.zkplatform.api.time.Scheduler;
import org.zkplatform.api.time.SystemScheduler;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageContext;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportContext;
import org.zkplatform.api.transport.TransportProvider;
import org.zkplatform.dist.config.SecureClientPort;
import org.zkplatform.dist.config.ServerSettings;
import org.zkplatform.zab.ClientEndpoint;
import org.zkplatform.zab.ClientPortConfig;
import org.zkplatform.zab.ServerConfig;
import org.zkplatform.zab.SnapshotConfig;
import org.zkplatform.zab.EnsembleConfig;
import org.zkplatform.zab.QuorumPeerServer;
import org.zkplatform.zab.StandaloneServer;
import org.zkplatform.zab.ZkServer;
import org.zkplatform.zab.ZabTxnCodec;

/**
 * Builds a server (standalone, or a member of an ensemble) from validated settings and the chosen providers. Every resource it
 * creates is registered with the {@link Lifecycle}, so shutdown closes it.
 */
public final class ServerModule extends AbstractModule {

    private final ServerSettings settings;
    private final ChosenProviders providers;
    private final Lifecycle lifecycle;

    public ServerModule(ServerSettings settings, ChosenProviders providers, Lifecycle lifecycle) {
        this.settings = settings;
        this.providers = providers;
        this.lifecycle = lifecycle;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        bind(Lifecycle.class).toInstance(lifecycle);
        bind(ServerConfig.class).toInstance(settings.server());
        bind(ClientPortConfig.class).toInstance(settings.clientPort());
        bind(SnapshotConfig.class).toInstance(settings.snapshots());
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.system();
    }

    @Provides
    @Singleton
    Storage storage(Clock clock) throws StorageException {
        Storage storage = providers.storage().open(settings.root().section("zk.storage"),
                new StorageContext(clock, ZabTxnCodec.INSTANCE));
        return lifecycle.add("storage " + storage.describe(), storage);
    }

    @Provides
    @Singleton
    @Named("client")
    Transport clientTransport(Clock clock) {
        String name = providers.clientTransport().name();
        Transport transport = providers.clientTransport().create(
                settings.transportSettings(name), new TransportContext("client", clock));
        return lifecycle.add("client transport " + name, transport);
    }

    /**
     * The secure client port, if configured. When it names the client port's transport, that
     * transport listens twice (one set of threads); another transport gets its own instance.
     */
    @Provides
    @Singleton
    Optional<ClientEndpoint> secureClientPort(Clock clock, @Named("client") Transport clientTransport) {
        if (settings.secureClientPort().isEmpty()) {
            return Optional.empty();
        }
        SecureClientPort secure = settings.secureClientPort().get();
        TransportProvider provider = providers.secureClientTransport().orElseThrow();
        Transport transport = clientTransport;
        if (!provider.name().equals(clientTransport.name())) {
            transport = lifecycle.add("secure client transport " + provider.name(), provider.create(
                    settings.transportSettings(provider.name()), new TransportContext("client", clock)));
        }
        return Optional.of(new ClientEndpoint(secure.address(), transport));
    }

    @Provides
    @Singleton
    Map<String, Authenticator> authenticators() {
        Map<String, Authenticator> byScheme = new TreeMap<>();
        for (AuthenticationProvider provider : providers.authentication()) {
            byScheme.put(provider.scheme(), provider.create(settings.root().section("zk.auth." + provider.scheme())));
        }
        return byScheme;
    }

    /**
     * The quorum transport of an ensemble: always an instance of its own, even when the client
     * port uses the same provider. A provider may treat the quorum differently (TLS verifies host
     * names on quorum connections by default, and dials out), and the quorum's settings are its
     * own: {@code zk.quorum.<name>} over {@code zk.transport.<name>}.
     */
    @Provides
    @Singleton
    @Named("quorum")
    Optional<Transport> quorumTransport(Clock clock) {
        if (providers.quorumTransport().isEmpty()) {
            return Optional.empty();
        }
        TransportProvider provider = providers.quorumTransport().get();
        return Optional.of(lifecycle.add("quorum transport " + provider.name(), provider.create(
                settings.quorumTransportSettings(), new TransportContext("quorum", clock))));
    }

    @Provides
    @Singleton
    ZkServer server(ServerConfig server, ClientPortConfig clientPort, SnapshotConfig snapshots, Clock clock,
                    Storage storage, @Named("client") Transport clientTransport,
                    Optional<ClientEndpoint> secureClientPort, Map<String, Authenticator> authenticators,
                    @Named("quorum") Optional<Transport> quorumTransport) {
        // Guice creates the parameters in this order, so the lifecycle stops them in the reverse:
        // the server, then the transports, then the storage.
        if (quorumTransport.isEmpty()) {
            return lifecycle.add("server", new StandaloneServer(server, clientPort, snapshots, storage,
                    clientTransport, secureClientPort, authenticators, clock));
        }
        EnsembleConfig ensemble = settings.ensemble();
        ElectionProvider election = providers.election().orElseThrow();
        Settings electionSettings = settings.root().section("zk.election");
        Scheduler scheduler = lifecycle.add("election timers", new SystemScheduler("zk-election-timers"));
        Transport transport = quorumTransport.get();
        return lifecycle.add("server", new QuorumPeerServer(server, ensemble, clientPort, snapshots, storage,
                clientTransport, secureClientPort, authenticators, clock, transport,
                peer -> election.create(electionSettings, new ElectionContext(new ServerId(server.serverId()),
                        ensemble.servers(), transport, scheduler, peer))));
    }
}
