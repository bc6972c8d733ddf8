package org.zkplatform.dist.admin;

import java.time.Duration;
import org.zkplatform.api.Settings;

/**
 * The JVM pause monitor ({@code zk.server.pause-monitor}; ZooKeeper's {@code jvm.pause.*}).
 *
 * @param sleep how long the monitor sleeps between looks at the clock
 * @param infoThreshold a wake-up this much late is logged at INFO
 * @param warnThreshold ... and this much late at WARN
 */
public record PauseMonitorConfig(boolean enabled, Duration sleep, Duration infoThreshold, Duration warnThreshold) {

    public PauseMonitorConfig {
        if (sleep.toMillis() < 1) {
            throw new IllegalArgumentException("sleep must be at least 1ms: " + sleep);
        }
        if (infoThreshold.toMillis() < 1 || warnThreshold.compareTo(infoThreshold) < 0) {
            throw new IllegalArgumentException("thresholds must be positive, warn at least info: info "
                    + infoThreshold.toMillis() + " ms, warn " + warnThreshold.toMillis() + " ms");
        }
    }

    /** Reads {@code zk.server.pause-monitor}. */
    public static PauseMonitorConfig from(Settings monitor) {
        Duration sleep = monitor.getDuration("sleep");
        if (sleep.toMillis() < 1) {
            throw monitor.invalid("sleep", sleep.toMillis() + "ms", "at least 1ms");
        }
        Duration info = monitor.getDuration("info-threshold");
        if (info.toMillis() < 1) {
            throw monitor.invalid("info-threshold", info.toMillis() + "ms", "at least 1ms");
        }
        Duration warn = monitor.getDuration("warn-threshold");
        if (warn.compareTo(info) < 0) {
            throw monitor.invalid("warn-threshold", warn.toMillis() + "ms",
                    "at least info-threshold (" + info.toMillis() + "ms)");
        }
        return new PauseMonitorConfig(monitor.getBoolean("enabled"), sleep, info, warn);
    }
}
