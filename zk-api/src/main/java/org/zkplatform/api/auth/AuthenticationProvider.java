package org.zkplatform.api.auth;

import org.zkplatform.api.Settings;

/**
 * An ACL scheme, found with {@link java.util.ServiceLoader} and keyed by {@link #scheme()}.
 * Implementations must have a public no-argument constructor and do no work in it.
 */
public interface AuthenticationProvider {

    /** The scheme name used in ACLs and {@code addauth}, for example {@code digest}. */
    String scheme();

    /**
     * Creates the scheme's authenticator. {@code settings} is the section
     * {@code zk.auth.<scheme>}, possibly empty.
     */
    Authenticator create(Settings settings);
}
