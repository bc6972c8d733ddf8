package org.zkplatform.sim;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The simulation's one thread of time: a queue of tasks ordered by virtual time, each belonging to
 * an owner (a server, or {@link #WORLD} for clients and the fault schedule). All randomness comes
 * from one {@link Random} seeded once, and ties in time are broken by the order tasks were
 * queued, so a seed determines the whole run.
 *
 * <p>Two things happen to an owner as a whole: a crash ({@link #crash}) drops every task it had
 * queued, as a dead process's threads and timers vanish; a pause ({@link #freeze}) holds its tasks
 * until the pause ends, as a process stopped by the operating system or a long GC pause sees
 * nothing happen and then finds the clock far ahead.
 */
public final class SimWorld {

    /** The owner of tasks that belong to no server: clients, the fault schedule, checks. */
    public static final int WORLD = 0;
    /** Whether each task runs on a thread named after the virtual time and its owner, so logs show both. */
    static final boolean TRACE = Boolean.getBoolean("sim.trace");
    public static final long NANOS_PER_MILLI = 1_000_000L;

    private record Task(long atNanos, long sequence, int owner, int incarnation, Runnable body) {
    }

    public final long seed;
    public final Random random;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong(Task::atNanos).thenComparingLong(Task::sequence));
    private final int[] incarnations;
    private final long[] frozenUntilNanos;
    private long nowNanos;
    private int runningOwner = -1;
    private int runningIncarnation;
    private long sequence;
    private long executed;
    private long fingerprint = 17;

    /** @param owners the largest owner number in use (servers are 1..owners) */
    SimWorld(long seed, int owners) {
        this.seed = seed;
        this.random = new Random(seed);
        this.incarnations = new int[owners + 1];
        this.frozenUntilNanos = new long[owners + 1];
    }

    public long nowNanos() {
        return nowNanos;
    }

    public long nowMillis() {
        return nowNanos / NANOS_PER_MILLI;
    }

    /**
     * Runs {@code body} for {@code owner} after {@code delayNanos}; dropped if the owner crashes first.
     * A task a server queues for itself belongs to the life of the task queuing it: what a server
     * queues in the task that saw it die (the rest of that task still runs) never runs.
     */
    public Runnable at(long delayNanos, int owner, Runnable body) {
        int incarnation = owner == runningOwner ? runningIncarnation : incarnations[owner];
        Task task = new Task(nowNanos + Math.max(0, delayNanos), sequence++, owner, incarnation, body);
        queue.add(task);
        return body;
    }

    public void afterMillis(long millis, int owner, Runnable body) {
        at(millis * NANOS_PER_MILLI, owner, body);
    }

    /** Every task {@code owner} queued so far will never run. */
    void crash(int owner) {
        incarnations[owner]++;
        frozenUntilNanos[owner] = 0;
    }

    /** Holds {@code owner}'s tasks for {@code millis}: they run, in their order, when the pause ends. */
    void freeze(int owner, long millis) {
        frozenUntilNanos[owner] = Math.max(frozenUntilNanos[owner], nowNanos + millis * NANOS_PER_MILLI);
    }

    /** How many times {@code owner} crashed so far. */
    int incarnation(int owner) {
        return incarnations[owner];
    }

    boolean isFrozen(int owner) {
        return frozenUntilNanos[owner] > nowNanos;
    }

    /**
     * Runs the next task, if any is due by {@code untilNanos}; returns false when none is. A task
     * of a frozen owner goes back in the queue for when its pause ends, keeping its place among
     * that owner's tasks.
     */
    boolean step(long untilNanos) {
        // Each pass either runs a task, drops one of a crashed owner, or moves one of a frozen owner later; bounded by the queue.
        while (!queue.isEmpty() && queue.peek().atNanos() <= untilNanos) {
            Task task = queue.poll();
            if (task.incarnation() != incarnations[task.owner()]) {
                continue;
            }
            long frozenUntil = frozenUntilNanos[task.owner()];
            if (frozenUntil > task.atNanos()) {
                queue.add(new Task(frozenUntil, task.sequence(), task.owner(), task.incarnation(), task.body()));
                continue;
            }
            nowNanos = Math.max(nowNanos, task.atNanos());
            executed++;
            fingerprint = fingerprint * 31 + nowNanos * 7 + task.owner();
            if (TRACE) {
                Thread.currentThread().setName(String.format("%9.3f s%d", nowNanos / 1e9, task.owner()));
            }
            runningOwner = task.owner();
            runningIncarnation = task.incarnation();
            try {
                task.body().run();
            } finally {
                runningOwner = -1;
            }
            return true;
        }
        if (untilNanos != Long.MAX_VALUE && nowNanos < untilNanos) {
            nowNanos = untilNanos;
        }
        return false;
    }

    long executed() {
        return executed;
    }

    /** A digest of which owner ran when: two runs of one seed must agree on it. */
    long fingerprint() {
        return fingerprint;
    }

    /** Mixes a value observed in the run into the fingerprint (a zxid applied, a reply). */
    public void mix(long value) {
        fingerprint = fingerprint * 1_000_003L + value;
    }

    /** A uniform draw in [min, max], in whatever unit the caller means. */
    public long between(long min, long max) {
        return max <= min ? min : min + (long) (random.nextDouble() * (max - min + 1));
    }

    public boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }
}
