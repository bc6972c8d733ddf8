package org.zkplatform.dist.compose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zkplatform.api.auth.AuthenticationProvider;
import org.zkplatform.api.election.ElectionProvider;
import org.zkplatform.api.storage.StorageProvider;
import org.zkplatform.api.transport.TransportProvider;

/**
 * The providers configuration chose, for the Guice module to build from.
 *
 * @param secureClientTransport the transport of the secure client port, when there is one
 * @param authentication every authentication scheme found: all are offered to clients
 * @param quorumTransport the transport between members of an ensemble; empty when standalone
 * @param election the election algorithm of an ensemble; empty when standalone
 */
public record ChosenProviders(TransportProvider clientTransport, Optional<TransportProvider> secureClientTransport,
                              StorageProvider storage, List<AuthenticationProvider> authentication,
                              Optional<TransportProvider> quorumTransport, Optional<ElectionProvider> election) {

    public ChosenProviders {
        Objects.requireNonNull(clientTransport, "clientTransport is null");
        Objects.requireNonNull(secureClientTransport, "secureClientTransport is null");
        Objects.requireNonNull(storage, "storage is null");
        authentication = List.copyOf(authentication);
        Objects.requireNonNull(quorumTransport, "quorumTransport is null");
        Objects.requireNonNull(election, "election is null");
    }
}
