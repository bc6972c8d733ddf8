package org.zkplatform.dist.compose;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops components in the reverse order of their creation, each once, logging each step: the
 * client port closes before the storage it writes to, the storage before the scheduler.
 */
public final class Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<Component> components = new ArrayDeque<>();
    private boolean stopped;

    private record Component(String name, AutoCloseable closeable) {
    }

    /** Registers a started component; it will be closed by {@link #stop()}. */
    public synchronized <T extends AutoCloseable> T add(String name, T closeable) {
        if (stopped) {
            throw new IllegalStateException("cannot add " + name + ": already stopped");
        }
        components.push(new Component(name, closeable));
        return closeable;
    }

    /** Closes every component, newest first. A failure is logged and the others still close. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        while (!components.isEmpty()) {
            Component component = components.pop();
            try {
                component.closeable().close();
                LOG.info("Stopped {}", component.name());
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", component.name(), e.toString());
            }
        }
    }
}
