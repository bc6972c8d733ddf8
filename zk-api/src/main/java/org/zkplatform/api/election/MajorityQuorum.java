package org.zkplatform.api.election;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A quorum is more than half of the participants: ZooKeeper's {@code QuorumMaj}. Every
 * participant weighs 1; observers weigh 0 and never count.
 */
public final class MajorityQuorum implements QuorumVerifier {

    private final Set<Long> votingMembers;
    private final Set<Long> observers;
    private final long version;
    /** More than this many voting members form a quorum. */
    private final int half;

    /**
     * @throws IllegalArgumentException if there is no voting member or an id is both a voting
     *     member and an observer
     */
    public MajorityQuorum(Set<Long> votingMembers, Set<Long> observers, long version) {
        this.votingMembers = Set.copyOf(Objects.requireNonNull(votingMembers, "votingMembers is null"));
        this.observers = Set.copyOf(Objects.requireNonNull(observers, "observers is null"));
        if (this.votingMembers.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one participant");
        }
        Set<Long> both = new HashSet<>(this.votingMembers);
        both.retainAll(this.observers);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("servers " + new TreeSet<>(both) + " are both participants and observers");
        }
        this.version = version;
        this.half = this.votingMembers.size() / 2;
    }

    /** The majority verifier of a configured ensemble (weights and groups are not looked at). */
    public static MajorityQuorum of(List<QuorumServer> servers) {
        Set<Long> voters = new HashSet<>();
        Set<Long> observers = new HashSet<>();
        for (QuorumServer server : servers) {
            long id = server.id().value();
            if (voters.contains(id) || observers.contains(id)) {
                throw new IllegalArgumentException("server id " + id + " is configured twice");
            }
            (server.isParticipant() ? voters : observers).add(id);
        }
        return new MajorityQuorum(voters, observers, 0);
    }

    @Override
    public boolean containsQuorum(Set<Long> ids) {
        // ZooKeeper's QuorumMaj counts the set's size and leaves filtering to its caller; we filter
        // here so that an observer's or a stranger's id can never tip the count.
        int count = 0;
        for (Long id : ids) {
            if (votingMembers.contains(id)) {
                count++;
            }
        }
        return count > half;
    }

    @Override
    public long weight(long id) {
        return votingMembers.contains(id) ? 1 : 0;
    }

    @Override
    public Set<Long> votingMembers() {
        return votingMembers;
    }

    @Override
    public Set<Long> observers() {
        return observers;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "MajorityQuorum[voters=" + new TreeSet<>(votingMembers) + ", observers=" + new TreeSet<>(observers)
                + ", version=" + Long.toHexString(version) + "]";
    }
}
