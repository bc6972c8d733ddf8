package org.zkplatform.testkit.linearizability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Histories of a correct, linearizable object, for randomized tests: concurrent clients invoke
 * operations one after another at random times, each operation takes effect atomically at a hidden
 * instant inside its interval, and the results come from applying them to the model in the order
 * of those instants. Some operations never return; half of those take effect at some instant
 * after their invocation (possibly after the client's later operations), half never do. Values
 * written are unique, which {@link #withStaleRead} relies on.
 */
final class SimulatedHistory<S, O, R> {

    /** Makes the next operation; {@code unique} differs for every call, for values no one else writes. */
    interface OpSource<O> {
        O next(Random random, int unique);
    }

    /**
     * @param clients concurrent clients
     * @param opsPerClient operations each invokes, one after another
     * @param maxDuration longest interval between an invocation and its response
     * @param neverReturned share of operations that never return
     */
    record Shape(int clients, int opsPerClient, int maxDuration, double neverReturned) {
    }

    /** An operation that took effect, with the states around its hidden instant. */
    private record Effect<S, O, R>(Operation<O, R> operation, S before, S after) {
    }

    private static final long NEVER = -1;

    private final Model<S, O, R> model;
    private final List<Operation<O, R>> history;
    private final Map<String, List<Effect<S, O, R>>> effectsByKey;

    private SimulatedHistory(Model<S, O, R> model, List<Operation<O, R>> history,
            Map<String, List<Effect<S, O, R>>> effectsByKey) {
        this.model = model;
        this.history = history;
        this.effectsByKey = effectsByKey;
    }

    static <S, O, R> SimulatedHistory<S, O, R> run(Model<S, O, R> model, OpSource<O> source, Shape shape,
            Random random) {
        record Planned<O>(int id, String process, long invokedAt, long respondedAt, long effectAt, O op) {
        }
        List<Planned<O>> plan = new ArrayList<>();
        for (int client = 0; client < shape.clients(); client++) {
            long time = random.nextInt(shape.maxDuration());
            for (int i = 0; i < shape.opsPerClient(); i++) {
                int id = plan.size();
                long duration = 1 + random.nextInt(shape.maxDuration());
                boolean returns = random.nextDouble() >= shape.neverReturned();
                long effectAt = returns ? time + random.nextInt((int) duration + 1)
                        : random.nextBoolean() ? time + random.nextInt(3 * shape.maxDuration()) : NEVER;
                plan.add(new Planned<>(id, "c" + client, time, returns ? time + duration : NEVER, effectAt,
                        source.next(random, id)));
                time += duration + random.nextInt(shape.maxDuration() / 2 + 1);
            }
        }
        List<Planned<O>> effective = new ArrayList<>(plan.stream().filter(p -> p.effectAt() != NEVER).toList());
        effective.sort(Comparator.comparingLong(Planned<O>::effectAt).thenComparingInt(Planned::id));
        record Applied<P, T>(P planned, T before, T after) {
        }
        Map<String, S> states = new HashMap<>();
        Map<Integer, R> results = new HashMap<>();
        List<Applied<Planned<O>, S>> applied = new ArrayList<>();
        for (Planned<O> planned : effective) {
            String key = model.partition(planned.op());
            S before = states.getOrDefault(key, model.init());
            Model.Outcome<S, R> outcome = model.apply(before, planned.op());
            states.put(key, outcome.next());
            results.put(planned.id(), outcome.result());
            applied.add(new Applied<>(planned, before, outcome.next()));
        }
        List<Operation<O, R>> history = new ArrayList<>();
        for (Planned<O> p : plan) {
            history.add(p.respondedAt() == NEVER
                    ? Operation.indeterminate(p.id(), p.process(), p.invokedAt(), p.op())
                    : Operation.completed(p.id(), p.process(), p.invokedAt(), p.respondedAt(), p.op(),
                            results.get(p.id())));
        }
        Map<String, List<Effect<S, O, R>>> effectsByKey = new HashMap<>();
        for (Applied<Planned<O>, S> a : applied) {
            effectsByKey.computeIfAbsent(model.partition(a.planned().op()), k -> new ArrayList<>())
                    .add(new Effect<>(history.get(a.planned().id()), a.before(), a.after()));
        }
        return new SimulatedHistory<>(model, List.copyOf(history), effectsByKey);
    }

    List<Operation<O, R>> history() {
        return history;
    }

    /**
     * The history with one read's result replaced by a stale one that no linearization allows, and
     * that read; empty if this history has no read to spoil. The stale result is what the read
     * would have returned in the state a returned write W left, where another returned operation
     * W2 changed the state after W had returned and before the read was invoked. Every
     * linearization orders W, W2 and the read so; W's state cannot come back after W2, as every
     * write's value is unique (only W writes W's value, and only once).
     */
    Optional<Spoiled<O, R>> withStaleRead(Random random) {
        List<Operation<O, R>> reads = new ArrayList<>(history.stream()
                .filter(op -> op.returned() && model.isReadOnly(op.op()))
                .toList());
        Collections.shuffle(reads, random);
        for (Operation<O, R> read : reads) {
            Optional<R> stale = staleResult(read);
            if (stale.isPresent()) {
                List<Operation<O, R>> spoiled = new ArrayList<>(history);
                Operation<O, R> changed = Operation.completed(read.id(), read.process(), read.invokedAt(),
                        read.completesBy(), read.op(), stale.get());
                spoiled.set(history.indexOf(read), changed);
                return Optional.of(new Spoiled<>(spoiled, changed));
            }
        }
        return Optional.empty();
    }

    /** A history with one read made stale. */
    record Spoiled<O, R>(List<Operation<O, R>> history, Operation<O, R> read) {
    }

    private Optional<R> staleResult(Operation<O, R> read) {
        List<Effect<S, O, R>> effects = effectsByKey.getOrDefault(model.partition(read.op()), List.of());
        Map<S, Integer> occurrences = new HashMap<>();
        occurrences.merge(model.init(), 1, Integer::sum);
        for (Effect<S, O, R> effect : effects) {
            occurrences.merge(effect.after(), 1, Integer::sum);
        }
        for (Effect<S, O, R> later : effects) {
            if (changes(later) && later.operation().completesBy() < read.invokedAt()) {
                for (Effect<S, O, R> earlier : effects) {
                    if (changes(earlier) && earlier.operation().completesBy() < later.operation().invokedAt()
                            && occurrences.get(earlier.after()) == 1) {
                        R stale = model.apply(earlier.after(), read.op()).result();
                        if (!stale.equals(read.result().orElseThrow())) {
                            return Optional.of(stale);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean changes(Effect<?, ?, ?> effect) {
        return effect.operation().returned() && !effect.before().equals(effect.after());
    }
}
