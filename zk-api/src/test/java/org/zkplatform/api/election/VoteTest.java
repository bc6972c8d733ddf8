package org.zkplatform.api.election;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoteTest {

    private static Vote vote(long leader, long zxid, long peerEpoch) {
        return new Vote(leader, zxid, 1, peerEpoch, PeerState.LOOKING);
    }

    @Test
    void ranksByEpochThenZxidThenId() {
        assertTrue(vote(1, 0, 2).ranksAbove(vote(3, 100, 1)), "a higher epoch wins over a higher zxid");
        assertTrue(vote(1, 101, 1).ranksAbove(vote(3, 100, 1)), "a higher zxid wins over a higher id");
        assertTrue(vote(3, 100, 1).ranksAbove(vote(2, 100, 1)), "the higher id breaks a tie");
        assertFalse(vote(2, 100, 1).ranksAbove(vote(2, 100, 1)), "a vote does not rank above itself");
    }
}
