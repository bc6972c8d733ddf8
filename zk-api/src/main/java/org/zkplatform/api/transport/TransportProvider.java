package org.zkplatform.api.transport;

import org.zkplatform.api.Settings;

/**
 * A kind of transport, found with {@link java.util.ServiceLoader} and chosen by {@link #name()}.
 * Implementations must have a public no-argument constructor and do no work in it.
 */
public interface TransportProvider {

    /** The stable name configuration uses to choose this transport, for example {@code plain}. */
    String name();

    /**
     * Creates a transport. Validates {@code settings} (the section {@code zk.transport.<name>})
     * and throws {@link org.zkplatform.api.SettingsException} naming the bad key.
     */
    Transport create(Settings settings, TransportContext context);
}
