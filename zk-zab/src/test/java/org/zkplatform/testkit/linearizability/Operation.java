package org.zkplatform.testkit.linearizability;

import java.util.Objects;
import java.util.Optional;

/**
 * One operation of a history: which client or process invoked it, when, what it asked for, and,
 * if it returned, when and with what result. Times are in one clock for the whole history
 * ({@link System#nanoTime()} of one JVM, or a simulation's virtual time).
 *
 * <p>An operation without a response never returned: it timed out, lost its connection, or its
 * client crashed. It may or may not have taken effect, and if it did, at any instant after its
 * invocation, even after later operations of the same client; the checker treats it so. A
 * definite error (ZooKeeper's BadVersion, NoNode, NodeExists) is a response like any other: it
 * says something about the state and the model must agree with it.
 *
 * @param id unique within the history, for reports
 * @param process the client (or session) that invoked it
 * @param invokedAt when it was invoked
 * @param op what was asked for
 * @param response when it returned and with what, or empty if it never did
 * @param <O> the operations of the model
 * @param <R> their results
 */
public record Operation<O, R>(int id, String process, long invokedAt, O op, Optional<Response<R>> response) {

    /** A returned operation's response: when it came back ({@code at >= invokedAt}) and what it said. */
    public record Response<R>(long at, R result) {
        public Response {
            Objects.requireNonNull(result, "result");
        }
    }

    public Operation {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(response, "response");
        if (response.isPresent() && response.get().at() < invokedAt) {
            throw new IllegalArgumentException("operation " + id + " returned at " + response.get().at()
                    + ", before its invocation at " + invokedAt);
        }
    }

    /** An operation that returned {@code result} at {@code respondedAt}. */
    public static <O, R> Operation<O, R> completed(int id, String process, long invokedAt, long respondedAt, O op,
            R result) {
        return new Operation<>(id, process, invokedAt, op, Optional.of(new Response<>(respondedAt, result)));
    }

    /** An operation that never returned: it may have taken effect at any time after its invocation, or never. */
    public static <O, R> Operation<O, R> indeterminate(int id, String process, long invokedAt, O op) {
        return new Operation<>(id, process, invokedAt, op, Optional.empty());
    }

    public boolean returned() {
        return response.isPresent();
    }

    public Optional<R> result() {
        return response.map(Response::result);
    }

    /** The time by which it must have taken effect if it did: its response, or never ({@link Long#MAX_VALUE}). */
    public long completesBy() {
        return response.map(Response::at).orElse(Long.MAX_VALUE);
    }

    /** One line for reports: {@code #7 c2 [1200..1850] Write[path=/k, value=v3] -> Updated[version=4]}. */
    @Override
    public String toString() {
        String until = response.map(r -> Long.toString(r.at())).orElse("never");
        String outcome = response.map(r -> String.valueOf(r.result())).orElse("no response");
        return "#" + id + " " + process + " [" + invokedAt + ".." + until + "] " + op + " -> " + outcome;
    }
}
