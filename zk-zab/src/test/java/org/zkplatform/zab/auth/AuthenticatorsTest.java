package org.zkplatform.zab.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.AuthResult;
import org.zkplatform.api.auth.AuthenticationProvider;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;

class AuthenticatorsTest {

    private final Authenticators authenticators = new Authenticators(AuthFixtures.builtIn());

    @Test
    void newConnectionCarriesOnlyItsIpId() {
        assertEquals(List.of(new Id("ip", "10.1.2.3")), authenticators.identify(AuthFixtures.request("", "10.1.2.3")));
    }

    @Test
    void identifyCollectsEveryAuthenticatorsIdsInSchemeOrderWithoutRepeats() {
        Authenticator x509 = new Authenticator() {
            @Override
            public AuthResult authenticate(AuthRequest request) {
                return AuthResult.failure("no");
            }

            @Override
            public List<Id> identify(AuthRequest connection) {
                return List.of(new Id("x509", "CN=a"), new Id("x509", "CN=a"));
            }

            @Override
            public boolean matches(String id, String aclId) {
                return id.equals(aclId);
            }

            @Override
            public boolean isValid(String aclId) {
                return true;
            }
        };
        Authenticators withX509 = new Authenticators(Map.of("x509", x509, "ip", authenticators.forScheme("ip").get(),
                "digest", authenticators.forScheme("digest").get()));
        assertEquals(List.of(new Id("ip", "10.1.2.3"), new Id("x509", "CN=a")),
                withX509.identify(AuthFixtures.request("", "10.1.2.3")));
    }

    @Test
    void forSchemeFindsRegisteredSchemesOnly() {
        assertInstanceOf(DigestAuthenticator.class, authenticators.forScheme("digest").orElseThrow());
        assertInstanceOf(IpAuthenticator.class, authenticators.forScheme("ip").orElseThrow());
        assertTrue(authenticators.forScheme("world").isEmpty());
        assertTrue(authenticators.forScheme("super").isEmpty());
    }

    @Test
    void mapViewIsUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> authenticators.asMap().remove("ip"));
    }

    @Test
    void serviceLoaderFindsBothBuiltInProviders() {
        Set<String> schemes = ServiceLoader.load(AuthenticationProvider.class).stream()
                .map(provider -> provider.get().scheme())
                .collect(Collectors.toSet());
        assertTrue(schemes.containsAll(Set.of("digest", "ip")), schemes.toString());
    }
}
