package org.zkplatform.zab.quorum;

import java.util.List;
import org.zkplatform.zab.admin.LearnerFacts;
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

    /** Why this role does not serve clients yet, while {@link #core()} is null. */
    String notServingReason();

    /** The learners of a leader; none for other roles. */
    default List<LearnerFacts> learners() {
        return List.of();
    }

    @Override
    void close();
}
