package org.zkplatform.dist.durability;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the crash writers asked for and what the server acknowledged (a synchronous call that
 * returned without an exception). Only acknowledged writes must survive a crash; attempted ones
 * may or may not, but nothing that was never attempted may appear. Thread-safe: the writers
 * record into one ledger concurrently, each on paths and a counter of its own.
 */
final class AckLedger {

    static final String ROOT = "/crash";

    private final Set<String> attemptedCreates = ConcurrentHashMap.newKeySet();
    private final Set<String> ackedCreates = ConcurrentHashMap.newKeySet();
    private final Set<String> attemptedDeletes = ConcurrentHashMap.newKeySet();
    private final Set<String> ackedDeletes = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> attemptedCounters = new ConcurrentHashMap<>();
    private final Map<String, Long> ackedCounters = new ConcurrentHashMap<>();
    private final AtomicLong highestAckedZxid = new AtomicLong();

    static String counterPath(int thread) {
        return ROOT + "/counter" + thread;
    }

    /** Counters start at 0, acknowledged when the writers set them up. */
    void counterCreated(String path, long zxid) {
        attemptedCounters.put(path, 0L);
        ackedCounters.put(path, 0L);
        zxidAcked(zxid);
    }

    void createAttempted(String path) {
        attemptedCreates.add(path);
    }

    void createAcked(String path, long zxid) {
        ackedCreates.add(path);
        zxidAcked(zxid);
    }

    void deleteAttempted(String path) {
        attemptedDeletes.add(path);
    }

    void deleteAcked(String path) {
        ackedDeletes.add(path);
    }

    void setAttempted(String counter, long value) {
        attemptedCounters.merge(counter, value, Math::max);
    }

    void setAcked(String counter, long value, long zxid) {
        ackedCounters.merge(counter, value, Math::max);
        zxidAcked(zxid);
    }

    private void zxidAcked(long zxid) {
        highestAckedZxid.accumulateAndGet(zxid, Math::max);
    }

    boolean wasAttempted(String path) {
        return attemptedCreates.contains(path);
    }

    /** Created with an acknowledgement, and no delete of it attempted: it must be there. */
    boolean mustExist(String path) {
        return ackedCreates.contains(path) && !attemptedDeletes.contains(path);
    }

    Set<String> ackedCreates() {
        return Set.copyOf(ackedCreates);
    }

    Set<String> ackedDeletes() {
        return Set.copyOf(ackedDeletes);
    }

    Map<String, Long> ackedCounters() {
        return Map.copyOf(ackedCounters);
    }

    long attemptedCounter(String path) {
        return attemptedCounters.getOrDefault(path, Long.MIN_VALUE);
    }

    long highestAckedZxid() {
        return highestAckedZxid.get();
    }

    String summary() {
        return ackedCreates.size() + " acknowledged creates (" + attemptedCreates.size() + " attempted), "
                + ackedDeletes.size() + " acknowledged deletes (" + attemptedDeletes.size() + " attempted), counters "
                + ackedCounters + ", highest acknowledged zxid 0x" + Long.toHexString(highestAckedZxid.get());
    }
}
