package org.zkplatform.zab.server;

import java.time.Duration;
import java.util.Set;

/**
 * What the core needs to know of the configuration.
 *
 * @param maxOutstandingPerConnection requests a connection may have unanswered before its
 *     reading pauses (ZooKeeper's globalOutstandingLimit, per connection here)
 * @param sessionlessTimeout how long a connection may stay without a session
 * @param containerCheckInterval how often empty containers and expired TTL nodes are deleted
 * @param conf the {@code key=value} lines the {@code conf} command prints, read when it runs
 */
public record CoreSettings(
        long serverId,
        int tickTimeMillis,
        int minSessionTimeoutMillis,
        int maxSessionTimeoutMillis,
        Set<String> fourLetterWords,
        int maxOutstandingPerConnection,
        Duration sessionlessTimeout,
        Duration containerCheckInterval,
        java.util.function.Supplier<java.util.List<String>> conf) {
}
