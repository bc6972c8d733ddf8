package org.zkplatform.dist.admin;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.zkplatform.api.Settings;

/**
 * The admin HTTP endpoint ({@code zk.admin}; ZooKeeper's {@code admin.enableServer},
 * {@code admin.serverAddress}, {@code admin.serverPort}).
 *
 * @param address where it listens; port 0 picks a free port
 * @param commandTimeout how long a request waits for the server core to answer before it is
 *     answered 503: a stuck core must not hang the orchestrator's probes
 */
public record AdminConfig(boolean enabled, InetSocketAddress address, Duration commandTimeout) {

    public AdminConfig {
        Objects.requireNonNull(address, "address is null");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("command timeout must be positive: " + commandTimeout);
        }
    }

    /** Reads {@code zk.admin}. */
    public static AdminConfig from(Settings admin) {
        int port = admin.getInt("port", 0, 65_535);
        String host = admin.getString("address");
        if (host.isBlank()) {
            throw admin.invalid("address", host, "a host name or IP address");
        }
        Duration timeout = admin.getDuration("command-timeout");
        if (timeout.toMillis() < 1) {
            throw admin.invalid("command-timeout", timeout.toMillis() + "ms", "at least 1ms");
        }
        return new AdminConfig(admin.getBoolean("enabled"), InetSocketAddress.createUnresolved(host, port), timeout);
    }
}
