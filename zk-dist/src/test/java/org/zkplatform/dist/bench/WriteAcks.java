package org.zkplatform.dist.bench;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts acknowledged writes and, once armed at a point in time, catches the first write issued
 * after that point to be acknowledged. Armed once a killed leader is gone, that write cannot have
 * been committed by it: its ack means the ensemble takes writes again.
 */
final class WriteAcks implements SessionLoad.AckListener {

    /** One arming: writes issued from {@code issuedAfterNanos} on, and the first of them acknowledged. */
    private record Probe(long issuedAfterNanos, AtomicReference<Long> firstAckNanos) {
    }

    private final AtomicLong count = new AtomicLong();
    private volatile Probe probe;

    @Override
    public void acked(long issuedNanos, long ackedNanos) {
        count.incrementAndGet();
        Probe current = probe;
        if (current != null && issuedNanos - current.issuedAfterNanos() >= 0) {
            current.firstAckNanos().compareAndSet(null, ackedNanos);
        }
    }

    /** Writes acknowledged so far. */
    long count() {
        return count.get();
    }

    /** From now on, watch for the first write issued at or after {@code issuedAfterNanos} to be acknowledged. */
    void arm(long issuedAfterNanos) {
        probe = new Probe(issuedAfterNanos, new AtomicReference<>());
    }

    /** When the first write since {@link #arm} was acknowledged ({@link System#nanoTime()}), if one was. */
    Optional<Long> firstAck() {
        Probe current = probe;
        return current == null ? Optional.empty() : Optional.ofNullable(current.firstAckNanos().get());
    }
}
