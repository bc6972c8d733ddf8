package org.zkplatform.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.zkplatform.api.storage.EpochStore.EpochKind;

/**
 * One server's disk, which outlives the server's crashes: the txn log as appended, of which a
 * prefix is durable (fsynced); the committed snapshots and the epoch files, which are durable
 * once written. A crash keeps a random part of what was appended but not fsynced, from none to
 * all of it, as a power cut leaves some of the page cache on the platter and not the rest.
 */
public final class SimDisk {

    /** One txn as appended: its zxid and its bytes. */
    record Entry(long zxid, byte[] bytes) {
    }

    /** What happens on the disk, for the checks. */
    interface Observer {
        void appended(int server, long zxid, byte[] bytes);

        void epochWritten(int server, EpochKind kind, long epoch);

        /** Whether the power goes while server {@code server}'s fsync runs: the server is crashed by then. */
        boolean crashDuringFsync(int server);
    }

    final int server;
    final List<Entry> log = new ArrayList<>();
    /** How many entries of {@link #log} are fsynced. */
    int durable;
    final TreeMap<Long, byte[]> snapshots = new TreeMap<>();
    final Map<EpochKind, Long> epochs = new HashMap<>();
    private final Observer observer;
    private long lost;
    /** Bumped by each crash: storage opened before it is fenced off, since a dead process writes nothing. */
    private int life;

    SimDisk(int server, Observer observer) {
        this.server = server;
        this.observer = observer;
    }

    int life() {
        return life;
    }

    void append(long zxid, byte[] bytes) {
        log.add(new Entry(zxid, bytes.clone()));
        observer.appended(server, zxid, bytes);
    }

    /**
     * Makes the log durable, unless the power goes in the middle: then the server is dead, the
     * call returns to nobody that can act on it, and part of what was not durable is lost.
     */
    void fsync() {
        if (durable < log.size() && observer.crashDuringFsync(server)) {
            return;
        }
        durable = log.size();
    }

    void writeEpoch(EpochKind kind, long epoch) {
        epochs.put(kind, epoch);
        observer.epochWritten(server, kind, epoch);
    }

    /** The power goes: of the txns not fsynced, a random prefix survives. Returns how many were lost. */
    int crash(SimWorld world) {
        int unsynced = log.size() - durable;
        int kept = unsynced == 0 ? 0 : (int) world.between(0, unsynced);
        int lostNow = unsynced - kept;
        while (log.size() > durable + kept) {
            log.remove(log.size() - 1);
        }
        durable = log.size();
        lost += lostNow;
        life++;
        return lostNow;
    }

    long lostTxns() {
        return lost;
    }
}
