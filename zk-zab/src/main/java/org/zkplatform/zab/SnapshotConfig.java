package org.zkplatform.zab;

import java.time.Duration;
import org.zkplatform.api.Settings;

/**
 * When to snapshot and what to keep.
 *
 * @param count txns between snapshots ({@code snapCount}), randomized between half and all of it
 * @param retainCount snapshots kept when purging ({@code autopurge.snapRetainCount}, at least 3)
 * @param purgeInterval how often to purge; zero never ({@code autopurge.purgeInterval})
 */
public record SnapshotConfig(int count, int retainCount, Duration purgeInterval) {

    public SnapshotConfig {
        if (count < 2) {
            throw new IllegalArgumentException("snapshot count must be at least 2: " + count);
        }
    }

    /** Reads {@code zk.snapshot}; a retain count below 3 is raised to 3, as ZooKeeper does. */
    public static SnapshotConfig from(Settings snapshot) {
        int count = snapshot.getInt("count", 2, Integer.MAX_VALUE);
        int retain = Math.max(3, snapshot.getInt("retain-count", 1, Integer.MAX_VALUE));
        Duration purge = snapshot.getDuration("purge-interval");
        if (purge.isNegative()) {
            throw snapshot.invalid("purge-interval", purge, "0 (never) or a positive duration such as 24h");
        }
        return new SnapshotConfig(count, retain, purge);
    }
}
