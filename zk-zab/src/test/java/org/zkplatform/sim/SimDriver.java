package org.zkplatform.sim;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.server.DriverTarget;

/**
 * A server's driver thread, as {@code CoreLoop} runs it, on the world's queue: events are handled
 * in batches in the order posted, the replies of a batch flushed after it, and the target ticked
 * when its next tick is due. A target that throws is the server failing, as in production, where
 * the core stops serving.
 */
public final class SimDriver {

    private static final int BATCH = 1024;

    private final SimWorld world;
    private final int owner;
    private final Consumer<Throwable> onFatal;
    private final Queue<CoreEvent> queue = new ArrayDeque<>();
    private DriverTarget target;
    private boolean drainQueued;
    private boolean running = true;
    private long nextTickMs;
    private long timerToken;

    public SimDriver(SimWorld world, int owner, Consumer<Throwable> onFatal) {
        this.world = world;
        this.owner = owner;
        this.onFatal = onFatal;
    }

    public void start(DriverTarget target) {
        this.target = target;
        nextTickMs = target.nextTickMs();
        armTimer();
        if (!queue.isEmpty()) {
            queueDrain();
        }
    }

    /** Posts an event for the driver; from any task of the run. */
    public void post(CoreEvent event) {
        if (!running) {
            return;
        }
        queue.add(event);
        if (target != null) {
            queueDrain();
        }
    }

    private void queueDrain() {
        if (!drainQueued) {
            drainQueued = true;
            world.at(0, owner, this::drain);
        }
    }

    private void drain() {
        drainQueued = false;
        if (!running) {
            return;
        }
        try {
            for (int i = 0; i < BATCH && !queue.isEmpty(); i++) {
                target.handle(queue.poll());
            }
            tickIfDue();
            target.flush();
        } catch (RuntimeException | Error e) {
            fail(e);
            return;
        }
        if (!queue.isEmpty()) {
            queueDrain();
        }
    }

    private void tickIfDue() {
        if (monotonicMillis() >= nextTickMs) {
            target.tick();
            nextTickMs = target.nextTickMs();
            armTimer();
        }
    }

    private long monotonicMillis() {
        return (1_000_000_000L + world.nowNanos()) / SimWorld.NANOS_PER_MILLI;
    }

    private void armTimer() {
        long token = ++timerToken;
        long delayMillis = Math.max(0, nextTickMs - monotonicMillis());
        world.afterMillis(delayMillis, owner, () -> {
            if (token != timerToken || !running) {
                return;
            }
            try {
                tickIfDue();
                target.flush();
                if (token == timerToken) {
                    armTimer();
                }
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        });
    }

    private void fail(Throwable cause) {
        running = false;
        onFatal.accept(cause);
    }

    /** The process dies: nothing more is handled. */
    public void stop() {
        running = false;
        queue.clear();
    }
}
