package org.zkplatform.dist.compat.diff;

/**
 * A znode Stat after normalization: zxids exact (or ranked), times reduced to "0" or "t"
 * (plausible) and the ephemeral owner to the owning session's index.
 */
public record NodeStat(long czxid, long mzxid, String ctime, String mtime, int version, int cversion, int aversion,
        String ephemeralOwner, int dataLength, int numChildren, long pzxid) {}
