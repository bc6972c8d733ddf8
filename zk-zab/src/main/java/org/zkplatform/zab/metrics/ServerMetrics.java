package org.zkplatform.zab.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.zkplatform.zab.proto.OpCode;

/**
 * What a server counts over its whole life, across roles (a new role gets a new core, not new
 * metrics). Each figure is recorded by the one thread doing the work (the driver thread for
 * requests, proposals and elections, the log thread for fsyncs, the snapshot thread for
 * snapshots) and may be read from any thread. Recording allocates nothing.
 */
public final class ServerMetrics {

    /** ZooKeeper's fsync_threshold_exceed_count counts fsyncs above this (fsync.warningthresholdms). */
    public static final long FSYNC_WARNING_MILLIS = 1000;

    private static final int LOWEST_OP = OpCode.CLOSE_SESSION;
    private static final int HIGHEST_OP = OpCode.WHO_AM_I;

    /** Indexed by op code minus {@link #LOWEST_OP}; null for codes that are no request. */
    private final Histogram[] requestLatency = new Histogram[HIGHEST_OP - LOWEST_OP + 1];
    private final Histogram fsync = new Histogram(Histogram.LATENCY_BOUNDS_MS);
    private final LongAdder fsyncsOverThreshold = new LongAdder();
    private final Histogram snapshot = new Histogram(Histogram.SLOW_BOUNDS_MS);
    private final Histogram election = new Histogram(Histogram.SLOW_BOUNDS_MS);
    private final LongAdder proposals = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private volatile LastSnapshot lastSnapshot;

    public ServerMetrics() {
        for (int op = LOWEST_OP; op <= HIGHEST_OP; op++) {
            if (OpCode.isValid(op)) {
                requestLatency[op - LOWEST_OP] = new Histogram(Histogram.LATENCY_BOUNDS_MS);
            }
        }
    }

    /**
     * The newest snapshot on disk.
     *
     * @param zxid the zxid it was started at
     * @param timestampMillis when it was written (or found at startup), wall clock
     * @param sizeBytes its stored size
     */
    public record LastSnapshot(long zxid, long timestampMillis, long sizeBytes) {
    }

    // ------------------------------------------------------------------ recording

    /** A request of type {@code op} was answered {@code nanos} after it arrived. */
    public void requestAnswered(int op, long nanos) {
        if (op >= LOWEST_OP && op <= HIGHEST_OP) {
            Histogram latency = requestLatency[op - LOWEST_OP];
            if (latency != null) {
                latency.record(nanos);
            }
        }
    }

    /** A batch of txns was made durable in {@code nanos}. */
    public void fsynced(long nanos) {
        fsync.record(nanos);
        if (nanos > FSYNC_WARNING_MILLIS * 1_000_000) {
            fsyncsOverThreshold.increment();
        }
    }

    public void snapshotWritten(long nanos, LastSnapshot written) {
        snapshot.record(nanos);
        lastSnapshot = written;
    }

    /** The snapshot the server found on disk at startup, until it writes one. */
    public void snapshotFound(LastSnapshot found) {
        lastSnapshot = found;
    }

    /** An election ended in a role, {@code nanos} after this server started looking. */
    public void electionEnded(long nanos) {
        election.record(nanos);
    }

    /** The leader proposed a txn. */
    public void proposed() {
        proposals.increment();
    }

    /** A committed txn was applied to the tree. */
    public void committed() {
        commits.increment();
    }

    // ------------------------------------------------------------------ reading

    /** Latencies by request type name ({@code getData}, {@code create}...), types seen so far only. */
    public Map<String, Histogram.Snapshot> requestLatencies() {
        Map<String, Histogram.Snapshot> byType = new LinkedHashMap<>();
        for (int i = 0; i < requestLatency.length; i++) {
            if (requestLatency[i] != null) {
                Histogram.Snapshot snapshot = requestLatency[i].snapshot();
                if (snapshot.count() > 0) {
                    byType.put(OpCode.name(i + LOWEST_OP), snapshot);
                }
            }
        }
        return byType;
    }

    public Histogram.Snapshot fsyncs() {
        return fsync.snapshot();
    }

    public long fsyncsOverThreshold() {
        return fsyncsOverThreshold.sum();
    }

    public Histogram.Snapshot snapshots() {
        return snapshot.snapshot();
    }

    public Histogram.Snapshot elections() {
        return election.snapshot();
    }

    public long proposals() {
        return proposals.sum();
    }

    public long commits() {
        return commits.sum();
    }

    /** The newest snapshot known, or null before the first is found or written. */
    public LastSnapshot lastSnapshot() {
        return lastSnapshot;
    }
}
