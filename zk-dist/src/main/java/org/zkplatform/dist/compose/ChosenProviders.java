package org.zkplatform.dist.compose;

import java.util.List;
import java.util.Objects;
import org.zkplatform.api.auth.AuthenticationProvider;
import org.zkplatform.api.storage.StorageProvider;
import org.zkplatform.api.transport.TransportProvider;

/**
 * The providers configuration chose, for the Guice module to build from.
 *
 * @param authentication every authentication scheme found: all are offered to clients
 */
public record ChosenProviders(TransportProvider clientTransport, StorageProvider storage,
                              List<AuthenticationProvider> authentication) {

    public ChosenProviders {
        Objects.requireNonNull(clientTransport, "clientTransport is null");
        Objects.requireNonNull(storage, "storage is null");
        authentication = List.copyOf(authentication);
    }
}
