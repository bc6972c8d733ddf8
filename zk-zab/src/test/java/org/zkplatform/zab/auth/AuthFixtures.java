package org.zkplatform.zab.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zkplatform.api.Settings;
import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.Authenticator;

/** Shared fixtures of the auth tests. */
final class AuthFixtures {

    private AuthFixtures() {
    }

    /** The digest id computed independently of the code under test. */
    static String expectedDigest(String user, String password) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA1").digest((user + ":" + password).getBytes(UTF_8));
            return user + ":" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static AuthRequest request(String credentials, String clientAddress) {
        try {
            InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName(clientAddress), 40_000);
            return new AuthRequest(credentials.getBytes(UTF_8), remote, Optional.empty());
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static Authenticator digest(String superDigest) {
        return new DigestAuthenticationProvider().create(Settings.of(Map.of("super-digest", superDigest)));
    }

    /** The built-in schemes, as the server registers them. */
    static Map<String, Authenticator> builtIn() {
        Map<String, Authenticator> map = new LinkedHashMap<>();
        map.put("digest", new DigestAuthenticationProvider().create(Settings.empty()));
        map.put("ip", new IpAuthenticationProvider().create(Settings.empty()));
        return map;
    }
}
