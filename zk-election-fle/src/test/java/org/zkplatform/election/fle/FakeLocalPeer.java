package org.zkplatform.election.fle;

import org.zkplatform.api.election.LocalPeer;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.Vote;

/** A server as election sees it: LOOKING until told otherwise, then what the election decided. */
final class FakeLocalPeer implements LocalPeer {

    private final long id;
    private volatile PeerState state = PeerState.LOOKING;
    private volatile Vote currentVote;
    private volatile long lastLoggedZxid;
    private volatile long currentEpoch;

    FakeLocalPeer(long id, long lastLoggedZxid, long currentEpoch) {
        this.id = id;
        this.lastLoggedZxid = lastLoggedZxid;
        this.currentEpoch = currentEpoch;
        this.currentVote = new Vote(id, lastLoggedZxid, 0, currentEpoch, PeerState.LOOKING);
    }

    /** What a server does with an election result: take the state, remember the vote. */
    void adopt(Vote vote) {
        currentVote = vote;
        state = vote.state();
    }

    /** What a server does when it loses its leader. */
    void lookAgain() {
        state = PeerState.LOOKING;
    }

    long id() {
        return id;
    }

    @Override
    public PeerState state() {
        return state;
    }

    @Override
    public long lastLoggedZxid() {
        return lastLoggedZxid;
    }

    @Override
    public long currentEpoch() {
        return currentEpoch;
    }

    @Override
    public Vote currentVote() {
        return currentVote;
    }
}
