package org.zkplatform.zab.admin;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a member of an ensemble knows of it, for the leader, voting_view and monitor commands.
 * Built on the driver thread.
 *
 * @param state leading, following, observing or looking
 * @param leaderId the leader followed or being, -1 while looking
 * @param leaderAddress its quorum address as host:port, empty while looking
 * @param votingView every server by id, as ZooKeeper's voting_view renders it
 *     ({@code host:quorumPort:electionPort:participant|observer})
 * @param quorumSize voting members
 * @param learners this server's learners if it leads
 */
public record PeerFacts(String state, long leaderId, String leaderAddress, SortedMap<Long, String> votingView,
                        int quorumSize, List<LearnerFacts> learners) {

    public PeerFacts {
        votingView = Collections.unmodifiableSortedMap(new TreeMap<>(votingView));
        learners = List.copyOf(learners);
    }
}
