package org.zkplatform.zab.server;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/** Posts a reading of the server's state to the driver thread and hands back its result. */
public final class Inspections {

    private Inspections() {
    }

    /**
     * Queues {@code reader} over {@code state} on {@code loop}. A reader that throws fails the
     * future, not the core: a bug in a command must not take the server down. A stopped loop
     * never runs it; the caller bounds its wait.
     */
    public static <T> CompletableFuture<T> post(CoreLoop loop, Supplier<Inspection> state,
                                                Function<Inspection, T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (loop == null) {
            result.completeExceptionally(new IllegalStateException("the server has not started"));
            return result;
        }
        loop.post(new CoreEvent.Task(() -> {
            try {
                result.complete(reader.apply(state.get()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }
}
