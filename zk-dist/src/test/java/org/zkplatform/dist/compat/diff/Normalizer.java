package org.zkplatform.dist.compat.diff;

import java.util.HashMap;
import java.util.Map;
import org.apache.zookeeper.data.Stat;

/**
 * Removes from one server's answers what legitimately differs between two faithful servers, and
 * nothing else:
 * <ul>
 * <li>wall-clock times (ctime, mtime) become "0" when zero (the root and /zookeeper nodes) and
 *     "t" when plausible, that is between the run's start and now; anything else stays visible;</li>
 * <li>session ids (ephemeralOwner) become the session's index in creation order; an owner that
 *     is no session of the run stays visible as hex;</li>
 * <li>zxids stay exact by default: both servers start empty and must consume zxids alike. In
 *     rank mode each zxid becomes its first-appearance rank (-1 and 0 are kept).</li>
 * </ul>
 * One instance per server; not thread-safe, used by that server's executor thread only.
 */
final class Normalizer {

    private final boolean rankZxids;
    private final long startMillis;
    private final Map<Long, Integer> sessions = new HashMap<>();
    private final Map<Long, Long> zxidRanks = new HashMap<>();

    Normalizer(boolean rankZxids, long startMillis) {
        this.rankZxids = rankZxids;
        this.startMillis = startMillis;
    }

    /** Records that {@code sessionId} is the run's {@code index}th session. */
    void sessionStarted(long sessionId, int index) {
        sessions.put(sessionId, index);
    }

    NodeStat stat(Stat stat) {
        if (stat == null) {
            return null;
        }
        return new NodeStat(zxid(stat.getCzxid()), zxid(stat.getMzxid()), time(stat.getCtime()), time(stat.getMtime()),
                stat.getVersion(), stat.getCversion(), stat.getAversion(), owner(stat.getEphemeralOwner()),
                stat.getDataLength(), stat.getNumChildren(), zxid(stat.getPzxid()));
    }

    long zxid(long zxid) {
        if (!rankZxids || zxid == -1 || zxid == 0) {
            return zxid;
        }
        return zxidRanks.computeIfAbsent(zxid, z -> (long) zxidRanks.size() + 1);
    }

    private String time(long millis) {
        if (millis == 0) {
            return "0";
        }
        return millis >= startMillis && millis <= System.currentTimeMillis() ? "t" : "implausible " + millis;
    }

    private String owner(long sessionId) {
        if (sessionId == 0) {
            return "0";
        }
        Integer index = sessions.get(sessionId);
        return index == null ? "unknown 0x" + Long.toHexString(sessionId) : "session " + index;
    }
}
