package org.zkplatform.zab;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.zkplatform.api.transport.Transport;

/**
 * Where clients connect and the transport that listens there: the client port, or a second one
 * such as ZooKeeper's {@code secureClientPort} with the {@code tls} transport. Every endpoint
 * serves the same sessions and data.
 */
public record ClientEndpoint(InetSocketAddress address, Transport transport) {

    public ClientEndpoint {
        Objects.requireNonNull(address, "address is null");
        Objects.requireNonNull(transport, "transport is null");
    }
}
