package org.zkplatform.zab.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.time.Clock;

/**
 * The driver thread: takes events in batches, hands each to its {@link DriverTarget}, flushes the
 * replies of the batch in one write per connection, and ticks the core's timers in between. The
 * batching is what turns many small replies into few system calls under load.
 */
public final class CoreLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoreLoop.class);
    private static final int BATCH = 1024;

    private final BlockingQueue<CoreEvent> queue = new LinkedBlockingQueue<>();
    private final Clock clock;
    private final Consumer<Throwable> onFatal;
    private DriverTarget target;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param onFatal called once if the core fails; the server can no longer be trusted to serve */
    public CoreLoop(Clock clock, Consumer<Throwable> onFatal) {
        this.clock = clock;
        this.onFatal = onFatal;
        this.thread = new Thread(this::run, "zk-core");
    }

    /** Starts driving {@code target}. */
    public void start(DriverTarget target) {
        this.target = target;
        thread.start();
    }

    /** Queues an event for the driver thread; safe from any thread. Ignored once stopped. */
    public void post(CoreEvent event) {
        if (running) {
            queue.add(event);
        }
    }

    private void run() {
        List<CoreEvent> batch = new ArrayList<>(BATCH);
        long nextTick = target.nextTickMs();
        try {
            while (running) {
                long wait = nextTick - clock.monotonicMillis();
                CoreEvent first = wait > 0 ? queue.poll(wait, TimeUnit.MILLISECONDS) : queue.poll();
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    for (CoreEvent event : batch) {
                        target.handle(event);
                    }
                    batch.clear();
                }
                if (clock.monotonicMillis() >= nextTick) {
                    target.tick();
                    nextTick = target.nextTickMs();
                }
                target.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            running = false;
            LOG.error("The server core failed; it stops serving", e);
            onFatal.accept(e);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
