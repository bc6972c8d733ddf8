package org.zkplatform.api.time;

/** A scheduled task that may still be cancelled. */
@FunctionalInterface
public interface Cancellable {

    /** Cancels the task if it has not run yet; harmless if it already ran or was cancelled. */
    void cancel();
}
