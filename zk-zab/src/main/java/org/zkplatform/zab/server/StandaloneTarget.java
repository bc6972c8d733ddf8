package org.zkplatform.zab.server;

import org.zkplatform.zab.request.Transaction;

/** A standalone server: a txn is committed as soon as the local log has it on disk. */
final class StandaloneTarget implements DriverTarget {

    private final ServerCore core;
    private final LocalWritePath writes;
    private final Runnable onTick;

    /** @param onTick extra periodic work (closing connections that never start a session) */
    StandaloneTarget(ServerCore core, LocalWritePath writes, Runnable onTick) {
        this.core = core;
        this.writes = writes;
        this.onTick = onTick;
    }

    @Override
    public void handle(CoreEvent event) {
        if (event instanceof CoreEvent.Durable) {
            for (Transaction txn : writes.committedUpTo(((CoreEvent.Durable) event).zxid())) {
                core.applyCommitted(txn);
            }
        } else if (event instanceof CoreEvent.LogFailed) {
            throw new IllegalStateException("the transaction log failed", ((CoreEvent.LogFailed) event).cause());
        } else {
            core.handle(event);
        }
    }

    @Override
    public void flush() {
        core.flush();
    }

    @Override
    public void tick() {
        writes.tick();
        onTick.run();
    }

    @Override
    public long nextTickMs() {
        return writes.nextTickMs();
    }
}
