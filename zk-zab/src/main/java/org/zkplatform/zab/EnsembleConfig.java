package org.zkplatform.zab;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.zkplatform.api.ServerId;
import org.zkplatform.api.Settings;
import org.zkplatform.api.election.LearnerType;
import org.zkplatform.api.election.QuorumServer;

/**
 * The configured ensemble: ZooKeeper's {@code server.N} lines. Empty means standalone.
 *
 * @param servers every member, this server included
 * @param listenOnAllIps whether the quorum port listens on the wildcard address rather than this
 *     server's quorum address ({@code quorumListenOnAllIPs})
 */
public record EnsembleConfig(List<QuorumServer> servers, boolean listenOnAllIps) {

    public EnsembleConfig {
        servers = List.copyOf(servers);
    }

    public boolean isStandalone() {
        return servers.isEmpty();
    }

    /** Whether a server with this id is configured. */
    public boolean contains(long id) {
        return servers.stream().anyMatch(s -> s.id().value() == id);
    }

    /**
     * Reads {@code zk.quorum.servers} and {@code zk.quorum.listen-on-all-ips}.
     *
     * @throws org.zkplatform.api.SettingsException naming the bad entry
     */
    public static EnsembleConfig from(Settings quorum) {
        List<QuorumServer> servers = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (Settings entry : quorum.getSectionList("servers")) {
            QuorumServer server = server(entry);
            if (!ids.add(server.id().value())) {
                throw entry.invalid("id", server.id(), "an id no other server has");
            }
            servers.add(server);
        }
        return new EnsembleConfig(servers, quorum.has("listen-on-all-ips") && quorum.getBoolean("listen-on-all-ips"));
    }

    private static QuorumServer server(Settings entry) {
        long id = entry.getLong("id");
        if (id < 0 || id > 255) {
            throw entry.invalid("id", id, "an integer from 0 to 255");
        }
        String host = entry.getString("host");
        int quorumPort = entry.getInt("quorum-port", 1, 65_535);
        int electionPort = entry.getInt("election-port", 1, 65_535);
        if (quorumPort == electionPort) {
            throw entry.invalid("election-port", electionPort, "a port other than quorum-port");
        }
        LearnerType type = entry.has("role")
                && entry.getChoice("role", Set.of("participant", "observer")).equals("observer")
                ? LearnerType.OBSERVER : LearnerType.PARTICIPANT;
        long weight = entry.has("weight") ? entry.getLong("weight") : 1;
        if (weight < 0) {
            throw entry.invalid("weight", weight, "0 or more");
        }
        long group = entry.has("group") ? entry.getLong("group") : 0;
        Optional<InetSocketAddress> client = entry.has("client-port")
                ? Optional.of(InetSocketAddress.createUnresolved(
                        entry.has("client-address") ? entry.getString("client-address") : "0.0.0.0",
                        entry.getInt("client-port", 1, 65_535)))
                : Optional.empty();
        return new QuorumServer(ServerId.of(id), InetSocketAddress.createUnresolved(host, quorumPort),
                InetSocketAddress.createUnresolved(host, electionPort), type, weight, group, client);
    }
}
