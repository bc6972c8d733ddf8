package org.zkplatform.zab.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkplatform.api.Settings;
import org.zkplatform.api.SettingsException;
import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.AuthResult;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;

class DigestAuthenticationProviderTest {

    private final Authenticator digest = new DigestAuthenticationProvider().create(Settings.empty());

    @Test
    void schemeIsDigest() {
        assertEquals("digest", new DigestAuthenticationProvider().scheme());
    }

    @Test
    void digestIsUserColonBase64Sha1OfUserColonPassword() {
        assertEquals(AuthFixtures.expectedDigest("alice", "s3cret"), DigestAuthenticationProvider.digest("alice:s3cret"));
    }

    @Test
    void digestOfSuperAdminIsTheValueZooKeeperDocumentationQuotes() {
        assertEquals("super:xQJmxLMiHGwaqBvst5y6rkB6HQs=", DigestAuthenticationProvider.digest("super:admin"));
    }

    @Test
    void digestHashesNonAsciiPasswordAsUtf8() {
        assertEquals(AuthFixtures.expectedDigest("jürgen", "pässwörd"), DigestAuthenticationProvider.digest("jürgen:pässwörd"));
    }

    @Test
    void passwordMayContainColonsAndTheUserEndsAtTheFirst() {
        assertEquals(AuthFixtures.expectedDigest("bob", "a:b:c"), DigestAuthenticationProvider.digest("bob:a:b:c"));
    }

    @Test
    void addauthGivesTheDigestId() {
        AuthResult result = digest.authenticate(AuthFixtures.request("alice:s3cret", "127.0.0.1"));
        assertEquals(new AuthResult.Success(List.of(new Id("digest", AuthFixtures.expectedDigest("alice", "s3cret")))), result);
    }

    @Test
    void credentialsWithoutColonAreAcceptedAndTheWholeTextIsTheUser() throws Exception {
        AuthResult result = digest.authenticate(AuthFixtures.request("nocolon", "127.0.0.1"));
        byte[] hash = java.security.MessageDigest.getInstance("SHA1").digest("nocolon".getBytes(UTF_8));
        String expected = "nocolon:" + java.util.Base64.getEncoder().encodeToString(hash);
        assertEquals(new AuthResult.Success(List.of(new Id("digest", expected))), result);
    }

    @Test
    void emptyCredentialsAreAcceptedWithAnEmptyUser() {
        AuthResult result = digest.authenticate(AuthFixtures.request("", "127.0.0.1"));
        assertEquals(new AuthResult.Success(List.of(new Id("digest", ":2jmj7l5rSw0yVb/vlWAYkK/YBwk="))), result);
    }

    @Test
    void superDigestGrantsSuperIdBeforeTheDigestIdForTheRightPassword() {
        Authenticator withSuper = AuthFixtures.digest("super:xQJmxLMiHGwaqBvst5y6rkB6HQs=");
        AuthResult result = withSuper.authenticate(AuthFixtures.request("super:admin", "127.0.0.1"));
        assertEquals(new AuthResult.Success(List.of(
                new Id("super", ""), new Id("digest", "super:xQJmxLMiHGwaqBvst5y6rkB6HQs="))), result);
    }

    @Test
    void superDigestGrantsNothingExtraForAWrongPassword() {
        Authenticator withSuper = AuthFixtures.digest("super:xQJmxLMiHGwaqBvst5y6rkB6HQs=");
        AuthResult result = withSuper.authenticate(AuthFixtures.request("super:wrong", "127.0.0.1"));
        assertEquals(new AuthResult.Success(List.of(new Id("digest", AuthFixtures.expectedDigest("super", "wrong")))), result);
    }

    @Test
    void superDigestMayNameAnyUser() {
        Authenticator withSuper = AuthFixtures.digest(AuthFixtures.expectedDigest("root", "pw"));
        AuthResult result = withSuper.authenticate(AuthFixtures.request("root:pw", "127.0.0.1"));
        assertTrue(((AuthResult.Success) result).ids().contains(new Id("super", "")));
    }

    @Test
    void emptySuperDigestGrantsNoSuperuser() {
        Authenticator noSuper = AuthFixtures.digest("");
        AuthResult result = noSuper.authenticate(AuthFixtures.request(":", "127.0.0.1"));
        assertFalse(((AuthResult.Success) result).ids().contains(new Id("super", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"super", "super:admin", "super:xQJmxLMiHGwaqBvst5y6rkB6HQs", "a:b:xQJmxLMiHGwaqBvst5y6rkB6HQs="})
    void superDigestThatNoPasswordCanProduceIsRefusedAtCreate(String value) {
        DigestAuthenticationProvider provider = new DigestAuthenticationProvider();
        Settings settings = Settings.of(Map.of("super-digest", value));
        assertThrows(SettingsException.class, () -> provider.create(settings));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alice:HASH|true",
        ":HASH|true",
        "alice:HASH:|true",
        "alice|false",
        "alice:|false",
        "a:b:c|false",
        "''|false",
        ":|false",
    })
    void isValidWantsExactlyTwoColonSeparatedPartsAsZooKeeperSplitsThem(String id, boolean valid) {
        assertEquals(valid, digest.isValid(id));
    }

    @Test
    void matchesIsEquality() {
        assertTrue(digest.matches("alice:HASH", "alice:HASH"));
        assertFalse(digest.matches("alice:HASH", "alice:HASh"));
        assertFalse(digest.matches("alice:HASH", "alice:x"));
    }

    @Test
    void digestIdsIdentifyAPrincipalButNoConnectionHasOneUntilAddauth() {
        assertTrue(digest.isAuthenticated());
        AuthRequest connection = new AuthRequest(new byte[0], new InetSocketAddress("127.0.0.1", 1), Optional.empty());
        assertEquals(List.of(), digest.identify(connection));
    }
}
