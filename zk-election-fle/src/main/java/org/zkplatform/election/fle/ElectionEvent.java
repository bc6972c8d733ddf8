package org.zkplatform.election.fle;

import java.util.Objects;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.Vote;

/**
 * What {@link ElectionCore} is fed. Time is always an argument: monotonic milliseconds from the
 * caller's clock, so a simulation can step time as it pleases.
 */
public sealed interface ElectionEvent permits ElectionEvent.StartLooking, ElectionEvent.Received, ElectionEvent.Timeout {

    /** The time the event happened, monotonic milliseconds. */
    long nowMillis();

    /**
     * This server entered LOOKING: start a round with a vote for itself.
     *
     * @param lastLoggedZxid this server's last logged zxid
     * @param currentEpoch this server's current epoch
     */
    record StartLooking(long nowMillis, long lastLoggedZxid, long currentEpoch) implements ElectionEvent {
    }

    /**
     * A notification arrived.
     *
     * @param fromSid the sender (a temporary negative id for an anonymous observer)
     * @param local what this server's state and vote are right now, to answer peers between rounds
     */
    record Received(long nowMillis, long fromSid, Notification notification, LocalView local) implements ElectionEvent {
        public Received {
            Objects.requireNonNull(notification, "notification is null");
            Objects.requireNonNull(local, "local is null");
        }
    }

    /**
     * The deadline {@link ElectionCore#deadlineMillis()} named has passed (an early timeout is ignored).
     *
     * @param delivered whether the connection manager has handed out what it was given (ZooKeeper's
     *     {@code haveDelivered}): if so the round re-sends its notifications, else it asks for
     *     connections to be opened
     */
    record Timeout(long nowMillis, boolean delivered) implements ElectionEvent {
    }

    /**
     * This server's state and vote as the server sees them ({@code LocalPeer}).
     *
     * @param currentVote the vote of the leader followed or led, or the last one held
     */
    record LocalView(PeerState state, Vote currentVote) {
        public LocalView {
            Objects.requireNonNull(state, "state is null");
            Objects.requireNonNull(currentVote, "currentVote is null");
        }
    }
}
