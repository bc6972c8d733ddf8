package org.zkplatform.zab.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.zkplatform.api.Settings;
import org.zkplatform.api.auth.AuthenticationProvider;
import org.zkplatform.api.auth.Authenticator;

/**
 * The {@code digest} scheme: {@code addauth digest user:password} gives the connection the id
 * {@code user:base64(sha1("user:password"))}.
 *
 * <p>Settings ({@code zk.auth.digest}): {@code super-digest}, an id in that same form (ZooKeeper's
 * {@code zookeeper.DigestAuthenticationProvider.superDigest}); a connection whose computed digest
 * equals it also gains {@code super:}, which passes every ACL check. Empty or absent: no superuser.
 */
public final class DigestAuthenticationProvider implements AuthenticationProvider {

    public static final String SCHEME = "digest";

    /** The settings key of the superuser's digest. */
    public static final String SUPER_DIGEST_KEY = "super-digest";

    /** {@code user:} followed by the base64 form of a 20-byte SHA-1 hash, as {@link #digest} produces. */
    private static final String DIGEST_FORM = "[^:]*:[A-Za-z0-9+/]{27}=";

    public DigestAuthenticationProvider() {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    /**
     * Creates the authenticator. A non-empty {@code super-digest} that {@link #digest} could never
     * produce is refused here: ZooKeeper accepts it silently and then never grants the superuser.
     */
    @Override
    public Authenticator create(Settings settings) {
        String superDigest = settings.has(SUPER_DIGEST_KEY) ? settings.getString(SUPER_DIGEST_KEY) : "";
        if (!superDigest.isEmpty() && !superDigest.matches(DIGEST_FORM)) {
            throw settings.invalid(SUPER_DIGEST_KEY, superDigest,
                    "empty, or user:base64(sha1(\"user:password\")) such as super:xQJmxLMiHGwaqBvst5y6rkB6HQs=");
        }
        return new DigestAuthenticator(superDigest);
    }

    /**
     * The digest id of {@code userColonPassword}: the text before its first colon (all of it when
     * there is none), a colon, and the base64 SHA-1 of the whole UTF-8 text. This is ZooKeeper's
     * {@code DigestAuthenticationProvider.generateDigest}, for example
     * {@code digest("super:admin")} is {@code super:xQJmxLMiHGwaqBvst5y6rkB6HQs=}.
     */
    public static String digest(String userColonPassword) {
        String user = userColonPassword.split(":", 2)[0];
        byte[] hash = sha1().digest(userColonPassword.getBytes(UTF_8));
        return user + ":" + Base64.getEncoder().encodeToString(hash);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest javadoc).
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
