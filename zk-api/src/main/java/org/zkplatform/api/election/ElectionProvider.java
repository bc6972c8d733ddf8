package org.zkplatform.api.election;

import org.zkplatform.api.Settings;

/**
 * A leader-election algorithm, found with {@link java.util.ServiceLoader} and chosen by
 * {@link #algorithm()} (ZooKeeper's {@code electionAlg}). Implementations must have a public
 * no-argument constructor and do no work in it.
 */
public interface ElectionProvider {

    /** ZooKeeper's number for the algorithm; {@code 3} is Fast Leader Election. */
    int algorithm();

    /**
     * Creates the election for this server. Validates {@code settings} (the section
     * {@code zk.election}) and throws {@link org.zkplatform.api.SettingsException} naming a bad key.
     */
    Election create(Settings settings, ElectionContext context);
}
