package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.Settings;
import org.zkplatform.api.SettingsException;

class ElectionSettingsTest {

    @Test
    void defaultsAreZooKeepers() {
        ElectionSettings settings = ElectionSettings.from(Settings.of(Map.of("algorithm", 3)));
        assertEquals(ElectionSettings.defaults(), settings);
        assertEquals(new RoundTimings(200, 200, 60_000), settings.roundTimings());
        assertEquals(Duration.ofSeconds(5), settings.connectTimeout());
        assertEquals(3, settings.bindRetries());
        assertEquals(100, settings.receiveQueueSize());
    }

    @Test
    void readsEveryKey() {
        ElectionSettings settings = ElectionSettings.from(Settings.of(Map.of(
                "finalize-wait", "300ms",
                "min-notification-interval", "100ms",
                "max-notification-interval", "10s",
                "connect-timeout", "2s",
                "reconnect-delay-min", "50ms",
                "reconnect-delay-max", "1s",
                "listen-on-all-ips", true,
                "bind-retries", 0,
                "bind-retry-pause", "0ms",
                "receive-queue-size", 10)));
        assertEquals(new ElectionSettings(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofSeconds(10),
                Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofSeconds(1), true, 0, Duration.ZERO, 10), settings);
    }

    @Test
    void badValuesNameTheirKey() {
        assertKey("zk.election.finalize-wait", Map.of("finalize-wait", "0ms"));
        assertKey("zk.election.max-notification-interval",
                Map.of("min-notification-interval", "2s", "max-notification-interval", "1s"));
        assertKey("zk.election.reconnect-delay-max", Map.of("reconnect-delay-min", "2s", "reconnect-delay-max", "1s"));
        assertKey("zk.election.bind-retries", Map.of("bind-retries", -1));
        assertKey("zk.election.receive-queue-size", Map.of("receive-queue-size", 0));
        assertKey("zk.election.listen-on-all-ips", Map.of("listen-on-all-ips", "perhaps"));
    }

    private static void assertKey(String key, Map<String, Object> values) {
        SettingsException e = assertThrows(SettingsException.class,
                () -> ElectionSettings.from(Settings.of(Map.of("zk", Map.of("election", values))).section("zk").section("election")));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
