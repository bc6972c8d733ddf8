package org.zkplatform.dist.bench;

/**
 * The measured part of a workload run. Requests completing before it (warm-up) or after it
 * (draining) are not counted, so throughput is completions in the window divided by its length.
 */
final class Window {

    private volatile long startNanos;
    private volatile long endNanos;
    private volatile boolean open;

    /** Starts measuring now, for {@code nanos}. */
    void open(long nanos) {
        startNanos = System.nanoTime();
        endNanos = startNanos + nanos;
        open = true;
    }

    boolean contains(long nanoTime) {
        return open && nanoTime - startNanos >= 0 && nanoTime - endNanos < 0;
    }

    long endNanos() {
        return endNanos;
    }
}
