package org.zkplatform.api.election;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which sets of servers form a quorum: ZooKeeper's {@code QuorumVerifier}. Election uses
 * it to know when enough servers agree on a leader, ZAB to know when enough servers acknowledged
 * a proposal or joined a new leader.
 *
 * <p>Only voting members (participants) ever count. Observers and unknown ids in a set are
 * ignored, so callers may pass whatever ids they collected. Any two sets for which
 * {@link #containsQuorum} is true share at least one voting member of positive weight; that is
 * what makes a quorum decision final.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface QuorumVerifier {

    /** Whether the voting members among {@code ids} form a quorum. */
    boolean containsQuorum(Set<Long> ids);

    /**
     * The weight of a server's vote: 1 in a plain majority, the configured weight with groups,
     * 0 for observers and unknown ids. A server of weight 0 is never elected leader.
     */
    long weight(long id);

    /** The participants (servers that vote), weight-0 participants included. */
    Set<Long> votingMembers();

    /** The configured observers, which follow the leader but never vote. */
    Set<Long> observers();

    /** The configuration version, as in ZooKeeper's {@code version=} line; 0 for a static configuration. */
    long version();

    /** Whether {@code id} is a voting member. */
    default boolean isVotingMember(long id) {
        return votingMembers().contains(id);
    }

    /**
     * The verifier for a configured ensemble: {@link HierarchicalQuorum} when any participant has
     * a group other than 0 or a weight other than 1, else {@link MajorityQuorum}. Version 0.
     *
     * @throws IllegalArgumentException if two servers share an id, or no quorum is possible (no
     *     participant, or every participant has weight 0)
     */
    static QuorumVerifier of(List<QuorumServer> servers) {
        Objects.requireNonNull(servers, "servers is null");
        boolean hierarchical = servers.stream()
                .filter(QuorumServer::isParticipant)
                .anyMatch(s -> s.group() != 0 || s.weight() != 1);
        return hierarchical ? HierarchicalQuorum.of(servers) : MajorityQuorum.of(servers);
    }
}
