package org.zkplatform.sim;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * A server thread on the world's queue: tasks run one at a time, in order, each after a delay drawn
 * when it reaches the head (how long the work takes: an fsync on a slow disk, say).
 */
final class SimExecutor implements Executor {

    private final SimWorld world;
    private final int owner;
    private final LongSupplier delayNanos;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean busy;

    SimExecutor(SimWorld world, int owner, LongSupplier delayNanos) {
        this.world = world;
        this.owner = owner;
        this.delayNanos = delayNanos;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (!busy) {
            next();
        }
    }

    private void next() {
        Runnable task = tasks.poll();
        if (task == null) {
            busy = false;
            return;
        }
        busy = true;
        world.at(delayNanos.getAsLong(), owner, () -> {
            task.run();
            next();
        });
    }
}
