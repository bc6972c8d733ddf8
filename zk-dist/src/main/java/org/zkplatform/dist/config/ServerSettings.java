package org.zkplatform.dist.config;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.zkplatform.api.Settings;
import org.zkplatform.api.SettingsException;
import org.zkplatform.dist.StartupException;
import org.zkplatform.dist.admin.AdminConfig;
import org.zkplatform.dist.admin.PauseMonitorConfig;
import org.zkplatform.zab.ClientPortConfig;
import org.zkplatform.zab.EnsembleConfig;
import org.zkplatform.zab.ServerConfig;
import org.zkplatform.zab.SnapshotConfig;

/**
 * Every setting the launcher needs, typed and validated once, before anything is built.
 *
 * @param secureClientPort a second client port with its own transport; empty for none
 * @param admin the admin HTTP endpoint
 * @param pauseMonitor the JVM pause monitor
 * @param root the whole configuration, for handing sections to providers
 */
public record ServerSettings(
        ServerConfig server,
        ClientPortConfig clientPort,
        SnapshotConfig snapshots,
        EnsembleConfig ensemble,
        String clientTransport,
        Optional<SecureClientPort> secureClientPort,
        String quorumTransport,
        int electionAlgorithm,
        String storageProvider,
        AdminConfig admin,
        PauseMonitorConfig pauseMonitor,
        Settings root) {

    /** Keys of {@code zk.quorum} itself, which no transport's override section may take. */
    static final Set<String> QUORUM_KEYS = Set.of("transport", "servers");

    /** The algorithms ZooKeeper removed; refused with its own words. */
    private static final int LAST_REMOVED_ALGORITHM = 2;

    /**
     * Validates {@code config}.
     *
     * @throws StartupException listing every bad setting, one per line
     */
    public static ServerSettings from(Config config) throws StartupException {
        Settings root = HoconSettings.root(config);
        List<String> errors = new ArrayList<>();
        ServerConfig server = collect(errors, () -> ServerConfig.from(root.section("zk.server")));
        ClientPortConfig clientPort = collect(errors, () -> ClientPortConfig.from(root.section("zk.client")));
        SnapshotConfig snapshots = collect(errors, () -> SnapshotConfig.from(root.section("zk.snapshot")));
        EnsembleConfig ensemble = collect(errors, () -> EnsembleConfig.from(root.section("zk.quorum")));
        String clientTransport = collect(errors, () -> root.getString("zk.client.transport"));
        Optional<SecureClientPort> secureClientPort =
                collect(errors, () -> SecureClientPort.from(root.section("zk.client")));
        String quorumTransport = collect(errors, () -> root.getString("zk.quorum.transport"));
        String storage = collect(errors, () -> root.getString("zk.storage.provider"));
        Integer algorithm = collect(errors, () -> root.getInt("zk.election.algorithm"));
        AdminConfig admin = collect(errors, () -> AdminConfig.from(root.section("zk.admin")));
        PauseMonitorConfig pauseMonitor =
                collect(errors, () -> PauseMonitorConfig.from(root.section("zk.server.pause-monitor")));
        if (algorithm != null && algorithm >= 0 && algorithm <= LAST_REMOVED_ALGORITHM) {
            errors.add("Election algorithm " + algorithm + " is not supported (zk.election.algorithm); "
                    + "use 3, Fast Leader Election");
        }
        if (server != null && ensemble != null && !ensemble.isStandalone() && !ensemble.contains(server.serverId())) {
            errors.add("my id " + server.serverId() + " is not in the server list (zk.server.id; zk.quorum.servers has "
                    + ensemble.servers().stream().map(s -> s.id().toString()).collect(Collectors.joining(", ")) + ")");
        }
        if (!errors.isEmpty()) {
            throw StartupException.config(String.join(System.lineSeparator(), errors));
        }
        return new ServerSettings(server, clientPort, snapshots, ensemble, clientTransport, secureClientPort,
                quorumTransport, algorithm, storage, admin, pauseMonitor, root);
    }

    /** The settings of transport {@code name}: {@code zk.transport.<name>}. */
    public Settings transportSettings(String name) {
        return root.section("zk.transport." + name);
    }

    /**
     * The settings of the quorum's transport: {@code zk.transport.<name>}, each key overridden by
     * the same key under {@code zk.quorum.<name>}, so the quorum can have its own certificates,
     * mode and the like (ZooKeeper's {@code ssl.quorum.*}) and share the rest.
     */
    public Settings quorumTransportSettings() {
        Settings shared = transportSettings(quorumTransport);
        if (QUORUM_KEYS.contains(quorumTransport)) {
            return shared;
        }
        return new OverlaidSettings(root.section("zk.quorum." + quorumTransport), shared);
    }

    private static <T> T collect(List<String> errors, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (SettingsException | IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }
}
