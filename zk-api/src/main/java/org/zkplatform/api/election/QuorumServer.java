package org.zkplatform.api.election;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.zkplatform.api.ServerId;

/**
 * One configured member of the ensemble: ZooKeeper's
 * {@code server.N=host:quorumPort:electionPort[:participant|observer][;clientAddress]} with its
 * {@code weight.N} and {@code group.N}.
 *
 * @param weight the vote weight for hierarchical quorums; 1 for plain majorities, 0 never counts
 * @param group the hierarchical-quorum group, 0 when groups are not used
 */
public record QuorumServer(
        ServerId id,
        InetSocketAddress quorumAddress,
        InetSocketAddress electionAddress,
        LearnerType type,
        long weight,
        long group,
        Optional<InetSocketAddress> clientAddress) {

    public QuorumServer {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(quorumAddress, "quorumAddress is null");
        Objects.requireNonNull(electionAddress, "electionAddress is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(clientAddress, "clientAddress is null");
        if (weight < 0) {
            throw new IllegalArgumentException("weight of server " + id + " is negative: " + weight);
        }
    }

    public boolean isParticipant() {
        return type == LearnerType.PARTICIPANT;
    }
}
