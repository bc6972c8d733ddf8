package org.zkplatform.api.election;

import java.util.List;
import java.util.Objects;
import org.zkplatform.api.ServerId;
import org.zkplatform.api.time.Scheduler;
import org.zkplatform.api.transport.Transport;

/**
 * What the server gives an election it creates.
 *
 * @param self this server's id
 * @param servers every configured server of the ensemble, this one included
 * @param transport the quorum transport to listen and connect with
 * @param scheduler time and timers
 * @param localPeer live view of this server's state, for answering peers
 */
public record ElectionContext(
        ServerId self, List<QuorumServer> servers, Transport transport, Scheduler scheduler, LocalPeer localPeer) {

    public ElectionContext {
        Objects.requireNonNull(self, "self is null");
        servers = List.copyOf(Objects.requireNonNull(servers, "servers is null"));
        Objects.requireNonNull(transport, "transport is null");
        Objects.requireNonNull(scheduler, "scheduler is null");
        Objects.requireNonNull(localPeer, "localPeer is null");
    }
}
