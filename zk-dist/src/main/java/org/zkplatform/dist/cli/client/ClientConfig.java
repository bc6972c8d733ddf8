package org.zkplatform.dist.cli.client;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ZkClient} connects to and with what session timeout.
 *
 * @param servers tried in this order, first for the first connection, then from the one after
 *     the server lost when reconnecting
 * @param sessionTimeoutMs the timeout asked of the server; the server may grant another
 */
public record ClientConfig(List<HostPort> servers, int sessionTimeoutMs) {

    public ClientConfig {
        Objects.requireNonNull(servers, "servers is null");
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no server to connect to");
        }
        servers = List.copyOf(servers);
        if (sessionTimeoutMs < 1) {
            throw new IllegalArgumentException("session timeout must be positive: " + sessionTimeoutMs);
        }
    }
}
