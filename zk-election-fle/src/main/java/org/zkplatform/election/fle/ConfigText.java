package org.zkplatform.election.fle;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.zkplatform.api.election.HierarchicalQuorum;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.QuorumVerifier;

/**
 * The ensemble description every notification carries: the text of ZooKeeper's
 * {@code QuorumMaj.toString()} (or {@code QuorumHierarchical.toString()} with groups):
 *
 * <pre>
 * server.1=10.0.0.1:2888:3888:participant
 * server.2=10.0.0.2:2888:3888:observer
 * version=0
 * </pre>
 *
 * Peers use it for dynamic reconfiguration, which zkplatform does not support: we send our static
 * configuration and read nothing but the version of what we receive.
 */
public final class ConfigText {

    private static final String VERSION_KEY = "version=";

    private ConfigText() {
    }

    /** The text for this ensemble; servers in id order, {@code version=} last with no newline. */
    public static String of(List<QuorumServer> servers, QuorumVerifier verifier) {
        StringBuilder text = new StringBuilder();
        List<QuorumServer> sorted = new ArrayList<>(servers);
        sorted.sort(Comparator.comparing(QuorumServer::id));
        for (QuorumServer server : sorted) {
            text.append("server.").append(server.id().value()).append('=')
                    .append(host(server.quorumAddress())).append(':').append(server.quorumAddress().getPort())
                    .append(':').append(server.electionAddress().getPort())
                    .append(server.isParticipant() ? ":participant" : ":observer").append('\n');
        }
        if (verifier instanceof HierarchicalQuorum hierarchical) {
            appendGroups(text, hierarchical);
        }
        return text.append(VERSION_KEY).append(Long.toHexString(verifier.version())).toString();
    }

    private static void appendGroups(StringBuilder text, HierarchicalQuorum quorum) {
        Map<Long, StringBuilder> members = new TreeMap<>();
        new TreeMap<>(quorum.groups()).forEach((id, group) -> {
            StringBuilder list = members.computeIfAbsent(group, g -> new StringBuilder());
            list.append(list.length() == 0 ? "" : ":").append(id);
        });
        members.forEach((group, list) -> text.append("group.").append(group).append('=').append(list).append('\n'));
        new TreeMap<>(quorum.weights()).forEach((id, weight) -> text.append("weight.").append(id).append('=').append(weight).append('\n'));
    }

    /** ZooKeeper's {@code delimitedHostString}: an IPv6 literal goes in brackets. */
    static String host(InetSocketAddress address) {
        String host = address.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The {@code version=} of a received config text, if it has a readable one. */
    public static OptionalLong version(String text) {
        // A config has one line per server; the split limit bounds the work a hostile peer can cause.
        for (String line : text.split("\n", 1_000)) {
            String trimmed = line.trim();
            if (trimmed.startsWith(VERSION_KEY)) {
                try {
                    return OptionalLong.of(Long.parseUnsignedLong(trimmed.substring(VERSION_KEY.length()).trim(), 16));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
