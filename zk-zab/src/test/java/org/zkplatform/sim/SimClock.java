package org.zkplatform.sim;

import org.zkplatform.api.time.Clock;

/** The world's virtual time as a {@link Clock}: every server reads the same time, which moves only when the world runs a task. */
final class SimClock implements Clock {

    /** Wall time at the start of every run, so ctime and mtime are the same for a seed. */
    private static final long EPOCH_MILLIS = 1_700_000_000_000L;
    /** Monotonic time does not start at zero, so code that treats zero as "never" is not flattered. */
    private static final long NANO_ORIGIN = 1_000_000_000L;

    private final SimWorld world;

    SimClock(SimWorld world) {
        this.world = world;
    }

    @Override
    public long currentTimeMillis() {
        return EPOCH_MILLIS + world.nowMillis();
    }

    @Override
    public long nanoTime() {
        return NANO_ORIGIN + world.nowNanos();
    }
}
