package org.zkplatform.election.fle;

import org.zkplatform.api.Settings;
import org.zkplatform.api.election.Election;
import org.zkplatform.api.election.ElectionContext;
import org.zkplatform.api.election.ElectionProvider;

/** Election algorithm {@code 3}: Fast Leader Election, wire-compatible with Apache ZooKeeper 3.9. */
public final class FastElectionProvider implements ElectionProvider {

    /** ZooKeeper's {@code electionAlg} for Fast Leader Election. */
    public static final int ALGORITHM = 3;

    @Override
    public int algorithm() {
        return ALGORITHM;
    }

    /**
     * Creates the election; nothing is bound or started until {@link Election#start()}.
     *
     * @param settings the section {@code zk.election}
     * @throws org.zkplatform.api.SettingsException naming the key of a bad setting, or
     *     {@code zk.quorum.servers} if this server is not in the ensemble or no quorum is possible
     */
    @Override
    public Election create(Settings settings, ElectionContext context) {
        return new FastElection(ElectionSettings.from(settings), context);
    }
}
