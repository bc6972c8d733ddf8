package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.ServerId;
import org.zkplatform.api.election.LearnerType;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.QuorumVerifier;

class ConfigTextTest {

    static QuorumServer server(long id, String host, int quorumPort, int electionPort, LearnerType type, long weight, long group) {
        return new QuorumServer(ServerId.of(id), InetSocketAddress.createUnresolved(host, quorumPort),
                InetSocketAddress.createUnresolved(host, electionPort), type, weight, group, Optional.empty());
    }

    @Test
    void writesQuorumMajTextInIdOrder() {
        List<QuorumServer> servers = List.of(
                server(3, "zk3.example", 2888, 3888, LearnerType.OBSERVER, 1, 0),
                server(1, "10.0.0.1", 2888, 3888, LearnerType.PARTICIPANT, 1, 0),
                server(2, "fe80::2", 2889, 3889, LearnerType.PARTICIPANT, 1, 0));
        assertEquals("server.1=10.0.0.1:2888:3888:participant\n"
                + "server.2=[fe80::2]:2889:3889:participant\n"
                + "server.3=zk3.example:2888:3888:observer\n"
                + "version=0", ConfigText.of(servers, QuorumVerifier.of(servers)));
    }

    @Test
    void writesGroupsAndWeightsForHierarchicalQuorums() {
        List<QuorumServer> servers = List.of(
                server(1, "a", 1, 2, LearnerType.PARTICIPANT, 2, 1),
                server(2, "b", 1, 2, LearnerType.PARTICIPANT, 1, 1),
                server(3, "c", 1, 2, LearnerType.PARTICIPANT, 0, 2));
        assertEquals("server.1=a:1:2:participant\nserver.2=b:1:2:participant\nserver.3=c:1:2:participant\n"
                + "group.1=1:2\ngroup.2=3\nweight.1=2\nweight.2=1\nweight.3=0\nversion=0",
                ConfigText.of(servers, QuorumVerifier.of(servers)));
    }

    @Test
    void readsOnlyTheVersion() {
        assertEquals(OptionalLong.of(0x100000003L), ConfigText.version("server.1=a:1:2:participant\nversion=100000003"));
        assertEquals(OptionalLong.of(0), ConfigText.version("version=0"));
        assertEquals(OptionalLong.empty(), ConfigText.version("server.1=a:1:2:participant\n"));
        assertEquals(OptionalLong.empty(), ConfigText.version("version=xyz"));
    }
}
