package org.zkplatform.sim;

import java.util.OptionalLong;
import org.zkplatform.api.Zxid;

/**
 * A faulty storage, for {@link InjectedBugTest}: it keeps the accepted epoch in memory only (the
 * file is written but never fsynced), so after a crash the server has forgotten the epoch it
 * promised a would-be leader and reads what its current epoch and log show in its place, which
 * passes every check at startup. A server can then promise one epoch to two leaders.
 */
final class ForgetfulEpochStorage extends SimStorage {

    private Long acceptedThisLife;

    ForgetfulEpochStorage(SimDisk disk) {
        super(disk);
    }

    @Override
    public OptionalLong read(EpochKind kind) {
        if (kind == EpochKind.ACCEPTED) {
            if (acceptedThisLife != null) {
                return OptionalLong.of(acceptedThisLife);
            }
            // What the unsynced file held before the crash: no more than the server's log and current epoch show.
            long current = super.read(EpochKind.CURRENT).orElse(0);
            return OptionalLong.of(Math.max(current, Zxid.epochOf(lastZxid())));
        }
        return super.read(kind);
    }

    @Override
    public void write(EpochKind kind, long epoch) throws org.zkplatform.api.storage.StorageException {
        if (kind == EpochKind.ACCEPTED) {
            acceptedThisLife = epoch;
        } else {
            super.write(kind, epoch);
        }
    }
}
