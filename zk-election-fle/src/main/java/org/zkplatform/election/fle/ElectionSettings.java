package org.zkplatform.election.fle;

import java.time.Duration;
import java.util.Objects;
import org.zkplatform.api.Settings;

/**
 * Settings of Fast Leader Election, the section {@code zk.election} (see this module's
 * {@code reference.conf}). The section also holds the launcher's {@code algorithm}, which is not
 * read here.
 *
 * @param finalizeWait quiet time after a quorum agrees before deciding ({@code finalizeWait})
 * @param minNotificationInterval first wait for notifications before re-sending ours
 *     ({@code zookeeper.fastleader.minNotificationInterval})
 * @param maxNotificationInterval cap of that wait, which doubles while nothing arrives
 *     ({@code zookeeper.fastleader.maxNotificationInterval})
 * @param connectTimeout timeout to open an election connection ({@code zookeeper.cnxTimeout})
 * @param reconnectDelayMin first pause before redialing a server that could not be reached
 * @param reconnectDelayMax cap of that pause, which doubles on each failure
 * @param listenOnAllIps listen on the wildcard address rather than our election address ({@code quorumListenOnAllIPs})
 * @param bindRetries extra attempts to bind the election address after the first fails ({@code zookeeper.electionPortBindRetry})
 * @param bindRetryPause pause between bind attempts
 * @param receiveQueueSize election messages waiting for the election thread; the oldest is dropped when full
 */
public record ElectionSettings(
        Duration finalizeWait,
        Duration minNotificationInterval,
        Duration maxNotificationInterval,
        Duration connectTimeout,
        Duration reconnectDelayMin,
        Duration reconnectDelayMax,
        boolean listenOnAllIps,
        int bindRetries,
        Duration bindRetryPause,
        int receiveQueueSize) {

    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    public ElectionSettings {
        positive("finalizeWait", finalizeWait);
        positive("minNotificationInterval", minNotificationInterval);
        positive("maxNotificationInterval", maxNotificationInterval);
        positive("connectTimeout", connectTimeout);
        positive("reconnectDelayMin", reconnectDelayMin);
        positive("reconnectDelayMax", reconnectDelayMax);
        Objects.requireNonNull(bindRetryPause, "bindRetryPause is null");
        if (maxNotificationInterval.compareTo(minNotificationInterval) < 0) {
            throw new IllegalArgumentException("maxNotificationInterval is below minNotificationInterval");
        }
        if (reconnectDelayMax.compareTo(reconnectDelayMin) < 0) {
            throw new IllegalArgumentException("reconnectDelayMax is below reconnectDelayMin");
        }
        if (bindRetries < 0 || bindRetryPause.isNegative() || receiveQueueSize < 1) {
            throw new IllegalArgumentException("bindRetries, bindRetryPause must be >= 0 and receiveQueueSize >= 1");
        }
    }

    /** ZooKeeper's defaults, plus ours for what ZooKeeper does not have. */
    public static ElectionSettings defaults() {
        return new ElectionSettings(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(60),
                Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(5), false, 3, Duration.ofSeconds(1), 100);
    }

    /**
     * Reads the keys present in {@code election} (the section {@code zk.election}); absent keys
     * keep their defaults.
     *
     * @throws org.zkplatform.api.SettingsException naming the key if a value is missing its type or out of range
     */
    public static ElectionSettings from(Settings election) {
        ElectionSettings d = defaults();
        Duration finalizeWait = duration(election, "finalize-wait", d.finalizeWait());
        Duration min = duration(election, "min-notification-interval", d.minNotificationInterval());
        Duration max = duration(election, "max-notification-interval", d.maxNotificationInterval());
        if (max.compareTo(min) < 0) {
            throw election.invalid("max-notification-interval", max, "at least min-notification-interval (" + min + ")");
        }
        Duration connectTimeout = duration(election, "connect-timeout", d.connectTimeout());
        Duration reconnectMin = duration(election, "reconnect-delay-min", d.reconnectDelayMin());
        Duration reconnectMax = duration(election, "reconnect-delay-max", d.reconnectDelayMax());
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw election.invalid("reconnect-delay-max", reconnectMax, "at least reconnect-delay-min (" + reconnectMin + ")");
        }
        boolean allIps = election.has("listen-on-all-ips") ? election.getBoolean("listen-on-all-ips") : d.listenOnAllIps();
        int bindRetries = election.has("bind-retries") ? election.getInt("bind-retries", 0, 1_000) : d.bindRetries();
        Duration bindPause = election.has("bind-retry-pause") ? election.getDuration("bind-retry-pause") : d.bindRetryPause();
        if (bindPause.isNegative() || bindPause.compareTo(LONGEST_WAIT) > 0) {
            throw election.invalid("bind-retry-pause", bindPause, "a duration from 0 to 1h");
        }
        int queue = election.has("receive-queue-size") ? election.getInt("receive-queue-size", 1, 1_000_000) : d.receiveQueueSize();
        return new ElectionSettings(finalizeWait, min, max, connectTimeout, reconnectMin, reconnectMax, allIps, bindRetries,
                bindPause, queue);
    }

    /** The waits of a round. */
    public RoundTimings roundTimings() {
        return new RoundTimings(finalizeWait.toMillis(), minNotificationInterval.toMillis(), maxNotificationInterval.toMillis());
    }

    private static Duration duration(Settings settings, String key, Duration fallback) {
        if (!settings.has(key)) {
            return fallback;
        }
        Duration value = settings.getDuration(key);
        if (value.toMillis() < 1 || value.compareTo(LONGEST_WAIT) > 0) {
            throw settings.invalid(key, value, "a duration from 1ms to 1h");
        }
        return value;
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name + " is null");
        if (value.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms: " + value);
        }
    }
}
