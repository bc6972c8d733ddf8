package org.zkplatform.zab.quorum;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.zkplatform.api.election.QuorumServer;

/** The ensemble as ZooKeeper's QuorumVerifier prints it, which NEWLEADER carries. */
final class ConfigText {

    private ConfigText() {
    }

    static byte[] of(List<QuorumServer> servers) {
        StringBuilder text = new StringBuilder();
        for (QuorumServer server : servers) {
            text.append("server.").append(server.id()).append('=')
                    .append(host(server.quorumAddress().getHostString())).append(':')
                    .append(server.quorumAddress().getPort()).append(':')
                    .append(server.electionAddress().getPort()).append(':')
                    .append(server.isParticipant() ? "participant" : "observer").append('\n');
        }
        text.append("version=0");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String host(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
