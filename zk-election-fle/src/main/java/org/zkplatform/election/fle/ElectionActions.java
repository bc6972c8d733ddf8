package org.zkplatform.election.fle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zkplatform.api.election.Vote;

/**
 * What {@link ElectionCore} asks its shell to do after one event.
 *
 * <p>Contract: perform {@link #sends()} in order, then {@link #connectAll()}, then act on the
 * {@link #decision()}. Sends are fire-and-forget: the protocol tolerates loss, duplicates and
 * reordering, and the connection manager keeps only the newest unsent message per peer.
 *
 * @param sends notifications to send; one addressed to this server must be looped back to it
 * @param connectAll open connections to the peers that have none (nothing arrived and not every
 *     message went out)
 * @param decision present once, when the round decides
 */
public record ElectionActions(List<Outgoing> sends, boolean connectAll, Optional<Decision> decision) {

    public static final ElectionActions NONE = new ElectionActions(List.of(), false, Optional.empty());

    public ElectionActions {
        sends = List.copyOf(Objects.requireNonNull(sends, "sends is null"));
        Objects.requireNonNull(decision, "decision is null");
    }

    public boolean isEmpty() {
        return sends.isEmpty() && !connectAll && decision.isEmpty();
    }

    /** One notification for one server. */
    public record Outgoing(long toSid, Notification notification) {
        public Outgoing {
            Objects.requireNonNull(notification, "notification is null");
        }
    }

    /**
     * The end of a round.
     *
     * @param vote the elected leader's vote; its state is the one this server takes
     * @param basis how the leader was found
     * @param supporters the voters whose matching votes made the quorum
     * @param roundMillis time from the start of the round to the decision
     */
    public record Decision(Vote vote, Basis basis, Set<Long> supporters, long roundMillis) {
        public Decision {
            Objects.requireNonNull(vote, "vote is null");
            Objects.requireNonNull(basis, "basis is null");
            supporters = Set.copyOf(supporters);
        }
    }

    /** How a round decided. */
    public enum Basis {
        /** A quorum of LOOKING peers agreed on our proposal and nothing better came within the finalize wait. */
        ELECTED,
        /** A quorum of this round's votes names a leader that says it leads (servers that decided before us). */
        LEADER_OF_THIS_ROUND,
        /** A quorum follows a running leader that says it leads: we joined an existing ensemble. */
        ESTABLISHED_LEADER
    }
}
