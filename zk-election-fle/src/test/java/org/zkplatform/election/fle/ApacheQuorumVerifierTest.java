package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.zookeeper.server.quorum.flexible.QuorumHierarchical;
import org.apache.zookeeper.server.quorum.flexible.QuorumMaj;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.election.HierarchicalQuorum;
import org.zkplatform.api.election.LearnerType;
import org.zkplatform.api.election.MajorityQuorum;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.QuorumVerifier;

/**
 * Our quorum verifiers give Apache ZooKeeper 3.9.5's verdicts on the same ensembles and sets,
 * drawn from seeds.
 */
class ApacheQuorumVerifierTest {

    private static final int ENSEMBLES = 200;
    private static final int SETS = 200;

    @Test
    void majoritiesAgreeWithQuorumMaj() throws Exception {
        for (long seed = 1; seed <= ENSEMBLES; seed++) {
            Random random = new Random(seed);
            int voters = 1 + random.nextInt(9);
            int observers = random.nextInt(3);
            List<QuorumServer> servers = new ArrayList<>();
            Properties properties = new Properties();
            for (long id = 1; id <= voters + observers; id++) {
                LearnerType type = id <= voters ? LearnerType.PARTICIPANT : LearnerType.OBSERVER;
                servers.add(ConfigTextTest.server(id, "127.0.0.1", 2000 + (int) id, 3000 + (int) id, type, 1, 0));
                properties.setProperty("server." + id, "127.0.0.1:" + (2000 + id) + ":" + (3000 + id) + ":"
                        + (type == LearnerType.PARTICIPANT ? "participant" : "observer"));
            }
            QuorumVerifier ours = QuorumVerifier.of(servers);
            QuorumMaj theirs = new QuorumMaj(properties);
            assertEquals(MajorityQuorum.class, ours.getClass());
            assertEquals(theirs.getVotingMembers().keySet(), ours.votingMembers(), "seed " + seed);
            for (int i = 0; i < SETS; i++) {
                Set<Long> set = randomSet(random, voters + observers + 1);
                // QuorumMaj counts whatever it is given; ZooKeeper's callers pass voters only, and so do we here.
                set.retainAll(ours.votingMembers());
                assertEquals(theirs.containsQuorum(set), ours.containsQuorum(set), "seed " + seed + ", set " + set);
            }
        }
    }

    @Test
    void weightedGroupsAgreeWithQuorumHierarchical() throws Exception {
        for (long seed = 1; seed <= ENSEMBLES; seed++) {
            Random random = new Random(seed);
            int voters = 1 + random.nextInt(9);
            int groups = 1 + random.nextInt(4);
            List<QuorumServer> servers = new ArrayList<>();
            Properties properties = new Properties();
            Map<Long, StringJoiner> members = new TreeMap<>();
            for (long id = 1; id <= voters; id++) {
                long group = 1 + random.nextInt(groups);
                long weight = id == 1 ? 1 + random.nextInt(3) : random.nextInt(4);
                servers.add(ConfigTextTest.server(id, "127.0.0.1", 2000 + (int) id, 3000 + (int) id, LearnerType.PARTICIPANT,
                        weight, group));
                properties.setProperty("server." + id, "127.0.0.1:" + (2000 + id) + ":" + (3000 + id) + ":participant");
                properties.setProperty("weight." + id, Long.toString(weight));
                members.computeIfAbsent(group, g -> new StringJoiner(":")).add(Long.toString(id));
            }
            members.forEach((group, list) -> properties.setProperty("group." + group, list.toString()));
            QuorumVerifier ours = QuorumVerifier.of(servers);
            QuorumHierarchical theirs = new QuorumHierarchical(properties);
            assertEquals(HierarchicalQuorum.class, ours.getClass());
            for (long id = 1; id <= voters; id++) {
                assertEquals(theirs.getWeight(id), ours.weight(id), "seed " + seed + ", weight of " + id);
            }
            for (int i = 0; i < SETS; i++) {
                Set<Long> set = randomSet(random, voters + 2);
                assertEquals(theirs.containsQuorum(set), ours.containsQuorum(set), "seed " + seed + ", set " + set + ", " + ours);
            }
        }
    }

    private static Set<Long> randomSet(Random random, int idsMax) {
        Set<Long> set = new HashSet<>();
        for (long id = 1; id <= idsMax; id++) {
            if (random.nextBoolean()) {
                set.add(id);
            }
        }
        return set;
    }
}
