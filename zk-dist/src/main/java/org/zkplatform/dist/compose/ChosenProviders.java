package org.zkplatform.dist.compose;

import java.util.Objects;
import org.zkplatform.api.storage.StorageProvider;
import org.zkplatform.api.transport.TransportProvider;

/** The providers configuration chose, for the Guice module to build from. */
public record ChosenProviders(TransportProvider clientTransport, StorageProvider storage) {

    public ChosenProviders {
        Objects.requireNonNull(clientTransport, "clientTransport is null");
        Objects.requireNonNull(storage, "storage is null");
    }
}
