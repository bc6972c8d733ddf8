package org.zkplatform.api.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.ServerId;

/**
 * Quorum arithmetic. The property tests draw ensembles and candidate sets from fixed seeds, so a
 * failure names the seed that reproduces it.
 */
class QuorumVerifierTest {

    private static final int CONFIGS = 300;
    private static final int PAIRS_PER_CONFIG = 300;

    @Test
    void aMajorityIsMoreThanHalfOfTheParticipants() {
        MajorityQuorum five = new MajorityQuorum(Set.of(1L, 2L, 3L, 4L, 5L), Set.of(6L), 0);
        assertTrue(five.containsQuorum(Set.of(1L, 2L, 3L)));
        assertFalse(five.containsQuorum(Set.of(1L, 2L)));
        assertFalse(five.containsQuorum(Set.of(1L, 2L, 6L)), "an observer never counts");
        assertFalse(five.containsQuorum(Set.of(1L, 2L, 99L)), "an unknown id never counts");
        MajorityQuorum four = new MajorityQuorum(Set.of(1L, 2L, 3L, 4L), Set.of(), 0);
        assertFalse(four.containsQuorum(Set.of(1L, 2L)), "half is not a majority");
        assertTrue(four.containsQuorum(Set.of(1L, 2L, 3L)));
        assertEquals(1, five.weight(3));
        assertEquals(0, five.weight(6));
        assertEquals(0, five.weight(99));
    }

    @Test
    void hierarchicalNeedsAWeightedMajorityInAMajorityOfGroups() {
        // ZooKeeper's documented example: three groups of three, every weight 1.
        Map<Long, Long> groups = new HashMap<>();
        for (long id = 1; id <= 9; id++) {
            groups.put(id, (id - 1) / 3 + 1);
        }
        HierarchicalQuorum quorum = new HierarchicalQuorum(groups, Map.of(), Set.of(), 0);
        assertTrue(quorum.containsQuorum(Set.of(1L, 2L, 4L, 5L)), "two of three groups, two of three in each");
        assertFalse(quorum.containsQuorum(Set.of(1L, 2L, 4L, 7L)), "only one group has a majority");
        assertFalse(quorum.containsQuorum(Set.of(1L, 2L, 3L)), "one group, however complete, is not enough");
        assertFalse(quorum.containsQuorum(Set.of()));
    }

    @Test
    void zeroWeightServersAndGroupsDoNotCount() {
        // Group 1 weighs 3, group 2 weighs 0 and is left out of the group count altogether.
        HierarchicalQuorum quorum = new HierarchicalQuorum(
                Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 2L, 5L, 2L),
                Map.of(4L, 0L, 5L, 0L), Set.of(), 0);
        assertTrue(quorum.containsQuorum(Set.of(1L, 2L)), "a majority of the only weighted group");
        assertFalse(quorum.containsQuorum(Set.of(1L, 4L, 5L)));
        assertEquals(0, quorum.weight(4));
        assertTrue(quorum.isVotingMember(4), "a weight-0 participant still votes, it just weighs nothing");

        HierarchicalQuorum weighted = new HierarchicalQuorum(Map.of(1L, 0L, 2L, 0L, 3L, 0L),
                Map.of(1L, 3L, 2L, 1L, 3L, 1L), Set.of(), 0);
        assertTrue(weighted.containsQuorum(Set.of(1L)), "weight 3 of 5 is a weighted majority");
        assertFalse(weighted.containsQuorum(Set.of(2L, 3L)));
    }

    @Test
    void refusesEnsemblesWithoutAPossibleQuorum() {
        assertThrows(IllegalArgumentException.class, () -> new MajorityQuorum(Set.of(), Set.of(1L), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new HierarchicalQuorum(Map.of(1L, 1L, 2L, 1L), Map.of(1L, 0L, 2L, 0L), Set.of(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new HierarchicalQuorum(Map.of(1L, 1L), Map.of(1L, -1L), Set.of(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> QuorumVerifier.of(List.of(server(1, 1, 0, LearnerType.PARTICIPANT), server(1, 1, 0, LearnerType.OBSERVER))));
    }

    @Test
    void theFactoryPicksHierarchicalOnlyForGroupsOrWeights() {
        List<QuorumServer> plain = List.of(server(1, 1, 0, LearnerType.PARTICIPANT), server(2, 1, 0, LearnerType.PARTICIPANT),
                server(3, 1, 0, LearnerType.PARTICIPANT), server(4, 7, 9, LearnerType.OBSERVER));
        QuorumVerifier majority = QuorumVerifier.of(plain);
        assertInstanceOf(MajorityQuorum.class, majority, "an observer's group and weight do not matter");
        assertEquals(Set.of(1L, 2L, 3L), majority.votingMembers());
        assertEquals(Set.of(4L), majority.observers());

        assertInstanceOf(HierarchicalQuorum.class, QuorumVerifier.of(List.of(
                server(1, 1, 1, LearnerType.PARTICIPANT), server(2, 1, 2, LearnerType.PARTICIPANT))));
        assertInstanceOf(HierarchicalQuorum.class, QuorumVerifier.of(List.of(
                server(1, 2, 0, LearnerType.PARTICIPANT), server(2, 1, 0, LearnerType.PARTICIPANT))));
    }

    @Test
    void anyTwoMajoritiesIntersect() {
        for (long seed = 1; seed <= CONFIGS; seed++) {
            Random random = new Random(seed);
            int voters = 1 + random.nextInt(9);
            Set<Long> voting = ids(1, voters);
            Set<Long> observing = ids(voters + 1, random.nextInt(3));
            MajorityQuorum quorum = new MajorityQuorum(voting, observing, 0);
            checkQuorumProperties(quorum, random, voters + observing.size() + 2, seed);
        }
    }

    @Test
    void anyTwoHierarchicalQuorumsIntersect() {
        for (long seed = 1; seed <= CONFIGS; seed++) {
            Random random = new Random(seed);
            int voters = 1 + random.nextInt(10);
            int groupsMax = 1 + random.nextInt(4);
            Map<Long, Long> groups = new HashMap<>();
            Map<Long, Long> weights = new HashMap<>();
            for (long id = 1; id <= voters; id++) {
                groups.put(id, (long) random.nextInt(groupsMax));
                weights.put(id, (long) random.nextInt(4));
            }
            weights.put(1L, 1 + (long) random.nextInt(3)); // at least one weighted server, so a quorum exists
            Set<Long> observing = ids(voters + 1, random.nextInt(3));
            HierarchicalQuorum quorum = new HierarchicalQuorum(groups, weights, observing, 0);
            checkQuorumProperties(quorum, random, voters + observing.size() + 2, seed);
        }
    }

    /**
     * The properties every verifier must have: all voters form a quorum, nobody does not, two
     * quorums share a voter of positive weight, adding servers to a quorum keeps it one, and
     * observers or strangers change nothing.
     */
    private static void checkQuorumProperties(QuorumVerifier quorum, Random random, int idsMax, long seed) {
        String where = " (seed " + seed + ", " + quorum + ")";
        assertTrue(quorum.containsQuorum(quorum.votingMembers()), "all voters form a quorum" + where);
        assertFalse(quorum.containsQuorum(Set.of()), "the empty set is no quorum" + where);
        for (int i = 0; i < PAIRS_PER_CONFIG; i++) {
            Set<Long> a = randomSubset(random, idsMax);
            Set<Long> b = randomSubset(random, idsMax);
            boolean aIsQuorum = quorum.containsQuorum(a);
            if (aIsQuorum && quorum.containsQuorum(b)) {
                Set<Long> shared = new HashSet<>(a);
                shared.retainAll(b);
                assertTrue(shared.stream().anyMatch(id -> quorum.isVotingMember(id) && quorum.weight(id) > 0),
                        "quorums " + a + " and " + b + " share no weighted voter" + where);
            }
            Set<Long> bigger = new HashSet<>(a);
            bigger.addAll(b);
            if (aIsQuorum) {
                assertTrue(quorum.containsQuorum(bigger), "a superset of quorum " + a + " is a quorum" + where);
            }
            Set<Long> votersOnly = new HashSet<>(a);
            votersOnly.retainAll(quorum.votingMembers());
            assertEquals(aIsQuorum, quorum.containsQuorum(votersOnly), "non-voters changed the verdict on " + a + where);
        }
    }

    private static Set<Long> randomSubset(Random random, int idsMax) {
        Set<Long> subset = new HashSet<>();
        for (long id = 1; id <= idsMax; id++) {
            if (random.nextBoolean()) {
                subset.add(id);
            }
        }
        return subset;
    }

    private static Set<Long> ids(long first, int count) {
        Set<Long> ids = new HashSet<>();
        for (long id = first; id < first + count; id++) {
            ids.add(id);
        }
        return ids;
    }

    private static QuorumServer server(long id, long weight, long group, LearnerType type) {
        InetSocketAddress quorum = InetSocketAddress.createUnresolved("127.0.0.1", 2000 + (int) id);
        InetSocketAddress election = InetSocketAddress.createUnresolved("127.0.0.1", 3000 + (int) id);
        return new QuorumServer(ServerId.of(id), quorum, election, type, weight, group, Optional.empty());
    }
}
