package org.zkplatform.zab.server;

/** What the driver thread drives: one event at a time, replies flushed per batch, timers between. */
public interface DriverTarget {

    void handle(CoreEvent event);

    /** Hands the replies of the batch just handled to the transport. */
    void flush();

    /** Periodic work. */
    void tick();

    /** When {@link #tick()} next has work, in monotonic ms. */
    long nextTickMs();
}
