package org.zkplatform.zab;

import java.time.Duration;
import org.zkplatform.api.Settings;

/**
 * Settings of the server as a whole: ZooKeeper's {@code myid}, {@code tickTime},
 * {@code initLimit}, {@code syncLimit} and session-timeout bounds.
 *
 * @param serverId this server's id ({@code myid}); 0 in standalone mode
 * @param tickTime the basic time unit; session timeouts and quorum limits are multiples of it
 * @param initLimitTicks ticks a learner has to connect and sync with the leader
 * @param syncLimitTicks ticks a learner may lag behind the leader before it is dropped
 * @param minSessionTimeout the least session timeout granted
 * @param maxSessionTimeout the most session timeout granted
 * @param extendedTypes whether TTL nodes are enabled ({@code extendedTypesEnabled})
 * @param containerCheckInterval how often empty containers and expired TTL nodes are deleted
 *     ({@code znode.container.checkIntervalMs})
 */
public record ServerConfig(
        long serverId,
        Duration tickTime,
        int initLimitTicks,
        int syncLimitTicks,
        Duration minSessionTimeout,
        Duration maxSessionTimeout,
        boolean extendedTypes,
        Duration containerCheckInterval) {

    public ServerConfig {
        if (tickTime.isNegative() || tickTime.isZero()) {
            throw new IllegalArgumentException("tickTime must be positive: " + tickTime);
        }
        if (minSessionTimeout.compareTo(maxSessionTimeout) > 0) {
            throw new IllegalArgumentException("minSessionTimeout " + minSessionTimeout.toMillis()
                    + " ms is above maxSessionTimeout " + maxSessionTimeout.toMillis() + " ms");
        }
    }

    /** Reads {@code zk.server}; a session-timeout bound of 0 means ZooKeeper's default (2 and 20 ticks). */
    public static ServerConfig from(Settings server) {
        long id = server.getLong("id");
        if (id < 0 || id > 255) {
            throw server.invalid("id", id, "an integer from 0 to 255");
        }
        Duration tick = server.getDuration("tick-time");
        if (tick.toMillis() < 1) {
            throw server.invalid("tick-time", tick.toMillis() + "ms", "at least 1ms");
        }
        int initLimit = server.getInt("init-limit", 1, 1_000_000);
        int syncLimit = server.getInt("sync-limit", 1, 1_000_000);
        Duration min = orDefault(server.getDuration("min-session-timeout"), tick.multipliedBy(2));
        Duration max = orDefault(server.getDuration("max-session-timeout"), tick.multipliedBy(20));
        if (min.compareTo(max) > 0) {
            throw server.invalid("min-session-timeout", min.toMillis() + "ms",
                    "at most max-session-timeout (" + max.toMillis() + "ms)");
        }
        Duration containerCheck = server.getDuration("container-check-interval");
        if (containerCheck.toMillis() < 1) {
            throw server.invalid("container-check-interval", containerCheck.toMillis() + "ms", "at least 1ms");
        }
        return new ServerConfig(id, tick, initLimit, syncLimit, min, max, server.getBoolean("extended-types"),
                containerCheck);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value.isZero() ? fallback : value;
    }
}
