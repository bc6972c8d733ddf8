package org.zkplatform.zab.quorum;

import org.zkplatform.api.election.LocalPeer;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.Vote;

/** What election reads of this server, from its own threads: the role, the vote it follows, its zxid and epoch. */
final class PeerStatus implements LocalPeer {

    private final PeerContext ctx;
    private volatile PeerState state = PeerState.LOOKING;
    private volatile Vote vote;

    PeerStatus(PeerContext ctx) {
        this.ctx = ctx;
        this.vote = new Vote(ctx.myId, ctx.tree.lastProcessedZxid(), 0, ctx.currentEpoch(), PeerState.LOOKING);
    }

    void set(PeerState state, Vote vote) {
        this.vote = vote;
        this.state = state;
    }

    @Override
    public PeerState state() {
        return state;
    }

    @Override
    public long lastLoggedZxid() {
        return ctx.tree.lastProcessedZxid();
    }

    @Override
    public long currentEpoch() {
        return ctx.currentEpoch();
    }

    /**
     * The vote followed, its peer epoch raised to the epoch established since (ZooKeeper's
     * updateElectionVote): a restarted server must see the ensemble's votes agree on one epoch.
     */
    @Override
    public Vote currentVote() {
        Vote followed = vote;
        long epoch = ctx.currentEpoch();
        if (state == PeerState.LOOKING || followed.peerEpoch() >= epoch) {
            return followed;
        }
        return new Vote(followed.leader(), followed.zxid(), followed.electionEpoch(), epoch, followed.state());
    }
}
