package org.zkplatform.zab.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.AuthResult;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;

/** The working part of the {@code digest} scheme; made by {@link DigestAuthenticationProvider}. */
public final class DigestAuthenticator implements Authenticator {

    /** The id a superuser gains: scheme {@code super}, empty id. */
    public static final Id SUPER_ID = new Id("super", "");

    private final String superDigest;

    /** @param superDigest the superuser's digest id, or empty for none */
    public DigestAuthenticator(String superDigest) {
        this.superDigest = requireNonNull(superDigest, "superDigest is null");
    }

    /**
     * Always succeeds, as in ZooKeeper: credentials without a colon are not refused but give the
     * id {@code <credentials>:<hash>}. When the digest equals the configured superuser digest the
     * connection gains {@link #SUPER_ID} first, then the digest id (ZooKeeper's order).
     */
    @Override
    public AuthResult authenticate(AuthRequest request) {
        // ZooKeeper decodes with the platform charset (UTF-8 on its supported platforms) and hashes
        // the UTF-8 re-encoding, so malformed bytes hash as U+FFFD.
        String credentials = new String(request.credentials(), UTF_8);
        Id id = new Id(DigestAuthenticationProvider.SCHEME, DigestAuthenticationProvider.digest(credentials));
        if (!superDigest.isEmpty() && superDigest.equals(id.id())) {
            return AuthResult.success(SUPER_ID, id);
        }
        return AuthResult.success(id);
    }

    @Override
    public boolean matches(String id, String aclId) {
        return id.equals(aclId);
    }

    /**
     * ZooKeeper's check: exactly two parts when split on colons, trailing empty parts dropped. So
     * {@code user:hash} and {@code :hash} pass, {@code user}, {@code user:} and {@code a:b:c} fail.
     * The hash itself is not checked.
     */
    @Override
    public boolean isValid(String aclId) {
        return aclId.split(":").length == 2;
    }
}
