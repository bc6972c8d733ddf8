package org.zkplatform.testkit.linearizability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.zkplatform.testkit.linearizability.ZnodeResult.Data;
import org.zkplatform.testkit.linearizability.ZnodeResult.Status;
import org.zkplatform.testkit.linearizability.ZnodeResult.Updated;

/**
 * Checks what ZooKeeper promises about reads, which need not be linearizable (a follower may lag):
 * within one session, a read never returns an older state of a znode than the session has already
 * seen.
 *
 * <p>Exactly: for each process (a session) and each znode, every operation of the session that
 * returned a definite result tells the session something about the znode's place in its history
 * of states (absent, then version 0, 1, 2, ...):
 * <ul>
 *   <li>a read of data at version v, or a setData that returned version v, or a create that
 *       succeeded (v = 0): the znode was at version v, with that data;
 *   <li>a create that got NodeExists or a compare-and-set that got BadVersion: present, at some
 *       version of at least 0, data unknown;
 *   <li>NoNode: absent (which is never newer than anything seen).
 * </ul>
 * Each read that was invoked after another operation of the same session returned must then
 * return a version at least as high as the highest it tells of, and if exactly as high and the
 * data is known, the same data. The violation is of <b>read-your-writes</b> if the newest thing
 * seen was the session's own acknowledged write (setData or create), else of <b>monotonic
 * reads</b>. A read invoked at the very instant the other operation returned is not ordered after
 * it. Operations without a response tell nothing.
 *
 * <p>Versions order a znode's states only while it lives: after a delete a create starts again at
 * version 0. So only znodes on which no delete was ever attempted, by any client, are checked; the
 * others are listed as skipped. Not checked either: writes' own results (the linearizability
 * check covers them), the order across sessions, and reads of other znodes (ZooKeeper's order
 * across znodes within a session).
 */
public final class SessionOrderCheck {

    /** The session guarantee a read broke. */
    public enum Guarantee {
        MONOTONIC_READS,
        READ_YOUR_WRITES
    }

    /** A read that returned an older state than its session had seen through {@code seen}. */
    public record Violation(Guarantee guarantee, String process, String key, Operation<ZnodeOp, ZnodeResult> seen,
            Operation<ZnodeOp, ZnodeResult> read) {

        public String describe() {
            return guarantee + " broken on " + key + " by " + process + ": " + read + "\n  after it had seen " + seen;
        }
    }

    /**
     * @param violations the reads that went back, in order of key, process and time
     * @param skippedKeys znodes not checked because a delete of them was attempted
     */
    public record Result(List<Violation> violations, SortedSet<String> skippedKeys) {

        public Result {
            violations = List.copyOf(violations);
            skippedKeys = Collections.unmodifiableSortedSet(new TreeSet<>(skippedKeys));
        }

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /** What one operation told its session: a place in the znode's history, and the data there if known. */
    private record Seen(int version, String value, Operation<ZnodeOp, ZnodeResult> by) {

        boolean ownWrite() {
            return value != null && !(by.op() instanceof ZnodeOp.Read);
        }
    }

    private SessionOrderCheck() {
    }

    public static Result check(List<Operation<ZnodeOp, ZnodeResult>> history) {
        SortedSet<String> deleted = new TreeSet<>();
        Map<String, Map<String, List<Operation<ZnodeOp, ZnodeResult>>>> byKeyAndProcess = new TreeMap<>();
        for (Operation<ZnodeOp, ZnodeResult> operation : history) {
            String key = operation.op().path();
            if (operation.op() instanceof ZnodeOp.Delete) {
                deleted.add(key);
            }
            byKeyAndProcess.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(operation.process(), p -> new ArrayList<>())
                    .add(operation);
        }
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Operation<ZnodeOp, ZnodeResult>>>> key : byKeyAndProcess.entrySet()) {
            if (!deleted.contains(key.getKey())) {
                for (List<Operation<ZnodeOp, ZnodeResult>> session : key.getValue().values()) {
                    checkSession(key.getKey(), session, violations);
                }
            }
        }
        return new Result(violations, deleted);
    }

    /**
     * Sweeps one session's operations on one znode in time order: a read's invocation is checked
     * against the newest state seen by then, and each response raises what has been seen.
     */
    private static void checkSession(String key, List<Operation<ZnodeOp, ZnodeResult>> session,
            List<Violation> violations) {
        record Event(long time, boolean isResponse, Operation<ZnodeOp, ZnodeResult> operation) {
        }
        List<Event> events = new ArrayList<>();
        for (Operation<ZnodeOp, ZnodeResult> operation : session) {
            if (operation.returned()) {
                events.add(new Event(operation.completesBy(), true, operation));
                if (operation.op() instanceof ZnodeOp.Read) {
                    events.add(new Event(operation.invokedAt(), false, operation));
                }
            }
        }
        events.sort(Comparator.comparingLong(Event::time).thenComparing(Event::isResponse));
        Optional<Seen> newest = Optional.empty();
        for (Event event : events) {
            Optional<Seen> seen = seen(event.operation());
            if (event.isResponse()) {
                newest = newer(newest, seen);
            } else if (newest.isPresent() && seen.isPresent() && older(seen.get(), newest.get())) {
                Guarantee guarantee = newest.get().ownWrite() ? Guarantee.READ_YOUR_WRITES : Guarantee.MONOTONIC_READS;
                violations.add(new Violation(guarantee, event.operation().process(), key, newest.get().by(),
                        event.operation()));
            }
        }
    }

    /** Whether a read's {@code seen} contradicts having seen {@code newest} before. */
    private static boolean older(Seen read, Seen newest) {
        return read.version() < newest.version()
                || read.version() == newest.version() && newest.value() != null && !newest.value().equals(read.value());
    }

    private static Optional<Seen> newer(Optional<Seen> newest, Optional<Seen> seen) {
        if (seen.isEmpty()) {
            return newest;
        }
        if (newest.isEmpty() || seen.get().version() > newest.get().version()
                || seen.get().version() == newest.get().version() && newest.get().value() == null) {
            return seen;
        }
        return newest;
    }

    /** What a returned operation tells about the znode, or empty if its result is not one the model allows. */
    private static Optional<Seen> seen(Operation<ZnodeOp, ZnodeResult> operation) {
        ZnodeOp op = operation.op();
        ZnodeResult result = operation.result().orElseThrow();
        if (result == Status.NO_NODE) {
            return Optional.of(new Seen(-1, null, operation));
        }
        if (result instanceof Data data && op instanceof ZnodeOp.Read) {
            return Optional.of(new Seen(data.version(), data.value(), operation));
        }
        if (result instanceof Updated updated && op instanceof ZnodeOp.Write write) {
            return Optional.of(new Seen(updated.version(), write.value(), operation));
        }
        if (result instanceof Updated updated && op instanceof ZnodeOp.Cas cas) {
            return Optional.of(new Seen(updated.version(), cas.value(), operation));
        }
        if (result == Status.OK && op instanceof ZnodeOp.Create create) {
            return Optional.of(new Seen(0, create.value(), operation));
        }
        if (result == Status.NODE_EXISTS && op instanceof ZnodeOp.Create
                || result == Status.BAD_VERSION && op instanceof ZnodeOp.Cas) {
            return Optional.of(new Seen(0, null, operation));
        }
        return Optional.empty();
    }
}
