package org.zkplatform.sim;

import java.time.Duration;
import org.zkplatform.api.time.Cancellable;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.time.Scheduler;

/** One owner's timers on the world's queue: they die with the owner and wait out its pauses. */
final class SimScheduler implements Scheduler {

    private final SimWorld world;
    private final int owner;
    private final Clock clock;

    SimScheduler(SimWorld world, int owner, Clock clock) {
        this.world = world;
        this.owner = owner;
        this.clock = clock;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        world.at(delay.toNanos(), owner, () -> {
            if (!cancelled[0]) {
                task.run();
            }
        });
        return () -> cancelled[0] = true;
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration period, Runnable task) {
        boolean[] cancelled = {false};
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            if (!cancelled[0]) {
                task.run();
                world.at(period.toNanos(), owner, tick[0]);
            }
        };
        world.at(period.toNanos(), owner, tick[0]);
        return () -> cancelled[0] = true;
    }
}
