package org.zkplatform.dist.config;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.zkplatform.api.Settings;

/**
 * A second client port, ZooKeeper's {@code secureClientPort}: the same server on another address,
 * through another transport (normally {@code tls}), alongside the plain client port.
 *
 * @param address where it listens
 * @param transport the transport provider's name
 */
public record SecureClientPort(InetSocketAddress address, String transport) {

    public SecureClientPort {
        Objects.requireNonNull(address, "address is null");
        Objects.requireNonNull(transport, "transport is null");
    }

    /**
     * Reads {@code secure-port} (0: none), {@code secure-address} (empty: the client port's
     * address) and {@code secure-transport} from {@code zk.client}.
     */
    static Optional<SecureClientPort> from(Settings client) {
        int port = client.getInt("secure-port", 0, 65_535);
        if (port == 0) {
            return Optional.empty();
        }
        String host = client.getString("secure-address").trim();
        if (host.isEmpty()) {
            host = client.getString("address");
        }
        return Optional.of(new SecureClientPort(new InetSocketAddress(host, port), client.getString("secure-transport")));
    }
}
