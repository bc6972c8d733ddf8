package org.zkplatform.dist.compose;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import jakarta.inject.Named;
import java.util.Map;
import java.util.TreeMap;
import org.zkplatform.api.auth.AuthenticationProvider;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageContext;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportContext;
import org.zkplatform.dist.config.ServerSettings;
import org.zkplatform.zab.ClientPortConfig;
import org.zkplatform.zab.ServerConfig;
import org.zkplatform.zab.SnapshotConfig;
import org.zkplatform.zab.StandaloneServer;
import org.zkplatform.zab.ZabTxnCodec;

/**
 * Builds a standalone server from validated settings and the chosen providers. Every resource it
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
                settings.root().section("zk.transport." + name), new TransportContext("client", clock));
        return lifecycle.add("client transport " + name, transport);
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

    @Provides
    @Singleton
    StandaloneServer server(ServerConfig server, ClientPortConfig clientPort, SnapshotConfig snapshots, Clock clock,
                            Storage storage, @Named("client") Transport clientTransport,
                            Map<String, Authenticator> authenticators) {
        // Guice creates the parameters in this order, so the lifecycle stops them in the reverse:
        // the server, then the client transport, then the storage.
        return lifecycle.add("server",
                new StandaloneServer(server, clientPort, snapshots, storage, clientTransport, authenticators, clock));
    }
}
