package org.zkplatform.zab.quorum;

import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.server.ServerCore;

/** A role of a quorum peer, driven on the driver thread; failing sends the peer back to LOOKING. */
interface Phase extends AutoCloseable {

    /** Handles an ensemble event or a durability report. */
    void handle(CoreEvent event) throws PhaseFailed;

    void tick() throws PhaseFailed;

    long nextTickMs();

    /** The client core while this role serves clients, else null. */
    ServerCore core();

    @Override
    void close();
}
