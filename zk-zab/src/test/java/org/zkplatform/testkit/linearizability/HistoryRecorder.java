package org.zkplatform.testkit.linearizability;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Records a history as the test's clients run, from any number of threads. A client calls
 * {@link #invoke} just before it sends a request and then exactly one of {@link #ok} (it returned
 * a result), {@link #fail} (it returned a definite error, such as BadVersion) or {@link #info}
 * (the outcome is unknown: connection loss, timeout, expired session), just after the answer.
 * An operation still open when {@link #history} is taken (its client hung or was killed) counts as
 * unknown too.
 *
 * <p>The process names the client for {@link SessionOrderCheck}: give each ZooKeeper session its
 * own name, a new one after a session expires.
 *
 * @param <O> the operations recorded
 * @param <R> their results
 */
public final class HistoryRecorder<O, R> {

    /** An invoked operation, to close with {@code ok}, {@code fail} or {@code info}. */
    public record Handle<O>(int id, String process, O op) {
    }

    private final LongSupplier clock;
    private final List<Operation<O, R>> operations = new ArrayList<>();
    private final BitSet closed = new BitSet();

    /** Times from {@link System#nanoTime()}. */
    public HistoryRecorder() {
        this(System::nanoTime);
    }

    /** Times from {@code clock}, which must never go backwards (a simulation's virtual clock, say). */
    public HistoryRecorder(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records that {@code process} is about to send {@code op}. */
    public synchronized Handle<O> invoke(String process, O op) {
        int id = operations.size();
        operations.add(Operation.indeterminate(id, process, clock.getAsLong(), op));
        return new Handle<>(id, process, op);
    }

    /** Records that the operation returned {@code result}. */
    public synchronized void ok(Handle<O> handle, R result) {
        respond(handle, result);
    }

    /**
     * Records that the operation returned a definite error: its outcome is known (BadVersion: the
     * version did not match, nothing changed), and the model must agree with it like with any
     * other result.
     */
    public synchronized void fail(Handle<O> handle, R error) {
        respond(handle, error);
    }

    /** Records that the operation's outcome is unknown: it may take effect at any time after its invocation, or never. */
    public synchronized void info(Handle<O> handle) {
        close(handle);
    }

    /** The operations so far, in order of invocation; those not closed have no response. */
    public synchronized List<Operation<O, R>> history() {
        return List.copyOf(operations);
    }

    private void respond(Handle<O> handle, R result) {
        Objects.requireNonNull(result, "result");
        long now = clock.getAsLong();
        close(handle);
        Operation<O, R> invoked = operations.get(handle.id());
        operations.set(handle.id(), Operation.completed(invoked.id(), invoked.process(), invoked.invokedAt(), now,
                invoked.op(), result));
    }

    private void close(Handle<O> handle) {
        Objects.checkIndex(handle.id(), operations.size());
        if (closed.get(handle.id())) {
            throw new IllegalStateException("operation already closed: " + operations.get(handle.id()));
        }
        closed.set(handle.id());
    }
}
