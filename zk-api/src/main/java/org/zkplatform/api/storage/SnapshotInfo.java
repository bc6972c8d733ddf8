package org.zkplatform.api.storage;

import java.util.Objects;

/**
 * A committed snapshot.
 *
 * @param zxid the zxid it was started at
 * @param name its name in the store, for example {@code snapshot.100000002}
 * @param sizeBytes its stored size
 */
public record SnapshotInfo(long zxid, String name, long sizeBytes) {

    public SnapshotInfo {
        Objects.requireNonNull(name, "name is null");
    }
}
