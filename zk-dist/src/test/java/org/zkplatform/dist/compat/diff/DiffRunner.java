package org.zkplatform.dist.compat.diff;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zkplatform.dist.compat.ServerUnderTest;

/**
 * Runs one configuration against a reference and a target server in lockstep: op i goes to both
 * (each server on its own thread, so they work at the same time but each sees one op at a time),
 * both steps are compared, and the run stops at the first difference.
 */
final class DiffRunner {

    /** connect + close + barrier of one op can each take up to {@link ServerSessions#WAIT}. */
    private static final long STEP_LIMIT_MILLIS = 4 * ServerSessions.WAIT.toMillis();

    /**
     * What the reference answered over a run, to show the mix of successes and failures.
     *
     * @param millis the run's duration
     * @param outcomes how often each kind of op met each kind of result (failures by code)
     */
    record Summary(long millis, Map<String, Integer> outcomes) {}

    private DiffRunner() {}

    static Summary run(DiffConfig config, ServerUnderTest reference, ServerUnderTest target) throws InterruptedException {
        long start = System.currentTimeMillis();
        OpGenerator generator = new OpGenerator(config.seed());
        StepComparator comparator = new StepComparator(config, reference.kind(), target.kind());
        Map<String, Integer> outcomes = new TreeMap<>();
        ExecutorService referenceThread = Executors.newSingleThreadExecutor();
        ExecutorService targetThread = Executors.newSingleThreadExecutor();
        ServerSessions referenceSessions = new ServerSessions(reference.connectString(), new Normalizer(config.rankZxids(), start));
        ServerSessions targetSessions = new ServerSessions(target.connectString(), new Normalizer(config.rankZxids(), start));
        try {
            for (int index = 0; index < config.ops(); index++) {
                Op op = generator.next();
                Future<Step> referenceStep = referenceThread.submit(() -> referenceSessions.apply(op));
                Future<Step> targetStep = targetThread.submit(() -> targetSessions.apply(op));
                Outcome r = await(referenceStep);
                Outcome t = await(targetStep);
                if (r.error != null || t.error != null) {
                    throw comparator.broken(index, op, r.step, r.error, t.step, t.error);
                }
                comparator.check(index, op, r.step, t.step);
                outcomes.merge(op.getClass().getSimpleName() + " " + kind(r.step.result()), 1, Integer::sum);
            }
        } finally {
            close(referenceThread, referenceSessions);
            close(targetThread, targetSessions);
        }
        return new Summary(System.currentTimeMillis() - start, outcomes);
    }

    private record Outcome(Step step, Throwable error) {}

    private static Outcome await(Future<Step> step) throws InterruptedException {
        try {
            return new Outcome(step.get(STEP_LIMIT_MILLIS, TimeUnit.MILLISECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome(null, e.getCause());
        } catch (TimeoutException e) {
            step.cancel(true);
            return new Outcome(null, e);
        }
    }

    private static String kind(Result result) {
        if (result instanceof Result.Failed) {
            return "Failed " + ((Result.Failed) result).code();
        }
        return result.getClass().getSimpleName();
    }

    private static void close(ExecutorService thread, ServerSessions sessions) throws InterruptedException {
        Future<?> closed = thread.submit(() -> {
            sessions.close();
            return null;
        });
        try {
            closed.get(STEP_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Closing is cleanup; the servers are shut down next anyway.
        } finally {
            thread.shutdownNow();
        }
    }
}
