package org.zkplatform.zab.auth;

import org.zkplatform.api.Settings;
import org.zkplatform.api.auth.AuthenticationProvider;
import org.zkplatform.api.auth.Authenticator;

/**
 * The {@code ip} scheme: every connection carries {@code ip:<client address>}, and ACL entries
 * name an address or a prefix ({@code 10.0.0.0/8}, {@code fe80::/10}). It has no settings.
 */
public final class IpAuthenticationProvider implements AuthenticationProvider {

    public static final String SCHEME = "ip";

    public IpAuthenticationProvider() {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Authenticator create(Settings settings) {
        return new IpAuthenticator();
    }
}
