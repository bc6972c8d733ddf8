package org.zkplatform.testkit.linearizability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The search for a linearization of one key's history: Wing and Gong's algorithm with Lowe's
 * memoization, as Porcupine does it. Walking the {@link EntryList} from its earliest event, it
 * linearizes the first operation whose call it meets and whose result the model agrees with from
 * the current state (unless the {@link Cache} has seen where that leads), lifts it out of the list
 * and starts again from the front; when it meets the return of an operation it has not
 * linearized, that operation should have taken effect by then, so it undoes the most recent
 * choice and tries the next call after it. It succeeds once every operation that returned is
 * linearized: those that never returned may take effect at the end or never. It fails when it
 * must undo and nothing is left to undo.
 *
 * <p>An operation that never returned can be linearized anywhere after its call, since it has no
 * return event to stop at, and with any result: only its effect counts. If it cannot change the
 * state it is left out altogether. Such operations are tried last: when the walk meets a return,
 * before undoing, it tries those invoked by then. The order changes nothing about the answer, but
 * a lot about the work: configurations without them are entered first, and the cache's
 * refinement then prunes the same configurations with them, instead of every subset of them
 * being explored.
 *
 * <p>On a failure it reports the longest linearizable prefix it reached, longest by the returned
 * operations in it, and the operations it could not place after it ({@link Explanation}). The work is bounded by a {@link Budget}. One
 * instance searches once.
 */
final class WingGong<S, O, R> {

    private static final int STEPS_BETWEEN_CLOCK_READS = 4096;

    /**
     * A linearized operation, the state to go back to if it is undone, and for an operation that
     * never returned, the return that ended the window of calls it was chosen from.
     */
    private record Frame<S>(EntryList.Entry call, S stateBefore, long windowEnd) {
    }

    private final Model<S, O, R> model;
    private final String key;
    private final List<Operation<O, R>> ops;
    private final int mustPlace;
    private final EntryList entries;
    private final Cache<S> cache = new Cache<>();
    private final BitSet returned;
    private final BitSet neverReturned;
    private final List<Frame<S>> stack = new ArrayList<>();
    private S state;
    private int placed;
    private List<Frame<S>> longest = List.of();
    private int longestPlaced;
    private S longestState;

    private WingGong(Model<S, O, R> model, String key, List<Operation<O, R>> history) {
        this.model = model;
        this.key = key;
        this.ops = history.stream().filter(op -> op.returned() || !model.isReadOnly(op.op())).toList();
        this.mustPlace = (int) ops.stream().filter(Operation::returned).count();
        this.entries = new EntryList(ops);
        this.returned = new BitSet(ops.size());
        this.neverReturned = new BitSet(ops.size());
        this.state = model.init();
        this.longestState = state;
    }

    /** Checks one key's operations within {@code budget}. */
    static <S, O, R> PartitionResult<S, O, R> check(Model<S, O, R> model, Budget budget, String key,
            List<Operation<O, R>> history) {
        return new WingGong<>(model, key, history).run(budget);
    }

    private PartitionResult<S, O, R> run(Budget budget) {
        long started = System.nanoTime();
        long deadline = started + budget.maxTime().toNanos();
        EntryList.Entry entry = entries.first();
        long windowEnd = Long.MIN_VALUE;
        long steps = 0;
        while (placed < mustPlace) {
            if (steps == budget.maxSteps()) {
                return unknown(steps, started, "step budget of " + steps + " exhausted");
            }
            steps++;
            if (steps % STEPS_BETWEEN_CLOCK_READS == 0 && System.nanoTime() - deadline > 0) {
                return unknown(steps, started, "time budget of " + budget.maxTime() + " exhausted");
            }
            if (entry != null && entry.call && (!entry.neverReturns() || entry.time <= windowEnd)) {
                // a call in the window: try it next, and if it goes, start again from the front
                entry = linearize(entry, windowEnd) ? entries.first() : entry.next;
            } else if (entry != null && !entry.call) {
                // a return: the window of calls ends here; try the never-returned operations in it
                windowEnd = entry.time;
                entry = entries.firstNeverReturned();
            } else if (stack.isEmpty()) {
                // nothing left in the window, nothing to undo
                Explanation<S, O, R> explanation = Explanation.of(model, key, ops, prefix(), longestState);
                return result(Verdict.NOT_LINEARIZABLE, steps, started, Optional.of(explanation), Optional.empty());
            } else {
                // nothing left in the window: undo the last choice and try what comes after it
                Frame<S> undone = undo();
                windowEnd = undone.windowEnd();
                entry = undone.call().next;
            }
        }
        return result(Verdict.LINEARIZABLE, steps, started, Optional.empty(), Optional.empty());
    }

    /** Linearizes the operation of {@code call} next, if the model allows it and it leads somewhere new. */
    private boolean linearize(EntryList.Entry call, long windowEnd) {
        Operation<O, R> operation = ops.get(call.op);
        Optional<S> next = step(state, operation);
        if (next.isEmpty() || makesIrrelevant(operation, next.get())) {
            return false;
        }
        BitSet bits = operation.returned() ? returned : neverReturned;
        bits.set(call.op);
        if (!cache.enter(returned, neverReturned, next.get())) {
            bits.clear(call.op);
            return false;
        }
        stack.add(new Frame<>(call, state, windowEnd));
        state = next.get();
        placed += operation.returned() ? 1 : 0;
        entries.lift(call);
        if (placed > longestPlaced) {
            longest = List.copyOf(stack);
            longestPlaced = placed;
            longestState = state;
        }
        return true;
    }

    private Optional<S> step(S from, Operation<O, R> operation) {
        return operation.returned()
                ? model.step(from, operation.op(), operation.result().orElseThrow())
                : Optional.of(model.apply(from, operation.op()).next());
    }

    /**
     * Whether {@code operation}, about to be linearized right after an operation that never
     * returned, would reach the same state without it: then that operation changed nothing that
     * counts, and linearizing {@code operation} instead of it, which the search does too, leaves a
     * configuration that covers this one.
     */
    private boolean makesIrrelevant(Operation<O, R> operation, S next) {
        if (stack.isEmpty()) {
            return false;
        }
        Frame<S> last = stack.get(stack.size() - 1);
        return last.call().neverReturns() && step(last.stateBefore(), operation).filter(next::equals).isPresent();
    }

    /** Undoes the most recent linearization; the search goes on after its call. */
    private Frame<S> undo() {
        Frame<S> frame = stack.remove(stack.size() - 1);
        Operation<O, R> operation = ops.get(frame.call().op);
        state = frame.stateBefore();
        placed -= operation.returned() ? 1 : 0;
        (operation.returned() ? returned : neverReturned).clear(frame.call().op);
        entries.unlift(frame.call());
        return frame;
    }

    private List<Operation<O, R>> prefix() {
        List<Operation<O, R>> prefix = new ArrayList<>(longest.size());
        for (Frame<S> frame : longest) {
            prefix.add(ops.get(frame.call().op));
        }
        return prefix;
    }

    private PartitionResult<S, O, R> unknown(long steps, long started, String reason) {
        String note = reason + " after linearizing at most " + longestPlaced + " of the " + mustPlace
                + " operations that returned";
        return result(Verdict.UNKNOWN, steps, started, Optional.empty(), Optional.of(note));
    }

    private PartitionResult<S, O, R> result(Verdict verdict, long steps, long started,
            Optional<Explanation<S, O, R>> explanation, Optional<String> note) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new PartitionResult<>(key, ops.size(), verdict, steps, elapsed, cache.size(), explanation, note);
    }
}
