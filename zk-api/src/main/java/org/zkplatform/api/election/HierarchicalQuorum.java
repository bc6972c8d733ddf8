package org.zkplatform.api.election;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Weighted groups: ZooKeeper's {@code QuorumHierarchical} ({@code group.N} and {@code weight.N}).
 * Participants are split into disjoint groups and each has a weight. A set is a quorum when, in
 * more than half of the groups, its members hold more than half of the group's total weight.
 *
 * <p>As in ZooKeeper: a server of weight 0 adds nothing to its group; a group whose total weight
 * is 0 is left out of the group count altogether; observers belong to no group and never count.
 * Any two quorums share a group in which each holds more than half the weight, hence share a
 * server of positive weight.
 */
public final class HierarchicalQuorum implements QuorumVerifier {

    private final Map<Long, Long> groupOf;
    private final Map<Long, Long> weightOf;
    private final Map<Long, Long> groupWeight;
    private final Set<Long> observers;
    private final long version;
    /** Groups of positive total weight; more than half of them must hold a weighted majority. */
    private final int groupCount;

    /**
     * @param groupOf the group of each participant; its keys are the participants
     * @param weightOf the weight of participants; a participant without an entry weighs 1
     * @param observers the observers, in no group
     * @throws IllegalArgumentException if a weight is negative, a weight names a server that is not
     *     a participant, an id is both participant and observer, or every group weighs 0
     */
    public HierarchicalQuorum(Map<Long, Long> groupOf, Map<Long, Long> weightOf, Set<Long> observers, long version) {
        Objects.requireNonNull(groupOf, "groupOf is null");
        Objects.requireNonNull(weightOf, "weightOf is null");
        this.observers = Set.copyOf(Objects.requireNonNull(observers, "observers is null"));
        this.groupOf = Map.copyOf(groupOf);
        for (Map.Entry<Long, Long> entry : weightOf.entrySet()) {
            if (!groupOf.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("weight given for server " + entry.getKey() + ", which is not a participant");
            }
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException("weight of server " + entry.getKey() + " is negative: " + entry.getValue());
            }
        }
        Map<Long, Long> weights = new HashMap<>();
        for (Long id : groupOf.keySet()) {
            if (this.observers.contains(id)) {
                throw new IllegalArgumentException("server " + id + " is both a participant and an observer");
            }
            weights.put(id, weightOf.getOrDefault(id, 1L));
        }
        this.weightOf = Map.copyOf(weights);
        Map<Long, Long> totals = new HashMap<>();
        for (Map.Entry<Long, Long> entry : this.groupOf.entrySet()) {
            totals.merge(entry.getValue(), this.weightOf.get(entry.getKey()), Long::sum);
        }
        this.groupWeight = Map.copyOf(totals);
        this.groupCount = (int) totals.values().stream().filter(w -> w > 0).count();
        if (groupCount == 0) {
            throw new IllegalArgumentException("no quorum is possible: every participant has weight 0");
        }
        this.version = version;
    }

    /** The verifier of a configured ensemble, from each participant's group and weight. */
    public static HierarchicalQuorum of(List<QuorumServer> servers) {
        Map<Long, Long> groups = new HashMap<>();
        Map<Long, Long> weights = new HashMap<>();
        Set<Long> observers = new HashSet<>();
        for (QuorumServer server : servers) {
            long id = server.id().value();
            if (groups.containsKey(id) || observers.contains(id)) {
                throw new IllegalArgumentException("server id " + id + " is configured twice");
            }
            if (server.isParticipant()) {
                groups.put(id, server.group());
                weights.put(id, server.weight());
            } else {
                observers.add(id);
            }
        }
        return new HierarchicalQuorum(groups, weights, observers, 0);
    }

    @Override
    public boolean containsQuorum(Set<Long> ids) {
        Map<Long, Long> held = new HashMap<>();
        for (Long id : ids) {
            Long group = groupOf.get(id);
            if (group != null) {
                held.merge(group, weightOf.get(id), Long::sum);
            }
        }
        int majorities = 0;
        for (Map.Entry<Long, Long> entry : held.entrySet()) {
            // Integer halving as in ZooKeeper: a group of weight 0 can never be won (0 > 0 is false).
            if (entry.getValue() > groupWeight.get(entry.getKey()) / 2) {
                majorities++;
            }
        }
        return majorities > groupCount / 2;
    }

    @Override
    public long weight(long id) {
        return weightOf.getOrDefault(id, 0L);
    }

    @Override
    public Set<Long> votingMembers() {
        return groupOf.keySet();
    }

    @Override
    public Set<Long> observers() {
        return observers;
    }

    @Override
    public long version() {
        return version;
    }

    /** The group of each participant. */
    public Map<Long, Long> groups() {
        return groupOf;
    }

    /** The weight of each participant. */
    public Map<Long, Long> weights() {
        return weightOf;
    }

    @Override
    public String toString() {
        return "HierarchicalQuorum[groups=" + new TreeMap<>(groupOf) + ", weights=" + new TreeMap<>(weightOf)
                + ", observers=" + new TreeSet<>(observers) + ", version=" + Long.toHexString(version) + "]";
    }
}
