package org.zkplatform.api.time;

import java.time.Duration;

/**
 * Runs tasks later, by the {@link Clock} it belongs to. Tasks must be short and must not block;
 * long work belongs on the caller's own executor. A simulated scheduler runs tasks when the
 * simulated clock passes their deadline, so no test waits for real time.
 */
public interface Scheduler {

    /** The clock whose time this scheduler follows. */
    Clock clock();

    /** Runs {@code task} once, after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, first after one period, until cancelled. */
    Cancellable scheduleAtFixedRate(Duration period, Runnable task);
}
