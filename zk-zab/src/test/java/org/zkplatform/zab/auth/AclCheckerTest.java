package org.zkplatform.zab.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.Perms;

class AclCheckerTest {

    private static final int[] PERMS = {Perms.READ, Perms.WRITE, Perms.CREATE, Perms.DELETE, Perms.ADMIN};

    private static final String ALICE = AuthFixtures.expectedDigest("alice", "pw");
    private static final String BOB = AuthFixtures.expectedDigest("bob", "pw");

    private static final Id ANYONE = new Id("world", "anyone");
    private static final Id CLIENT_IP = new Id("ip", "10.1.2.3");
    private static final Id ALICE_ID = new Id("digest", ALICE);
    private static final Id SUPER = new Id("super", "");

    private final AclChecker checker = new AclChecker(AuthFixtures.builtIn());

    /** An ACL entry, connection ids it must grant to, and ids it must not (none for world:anyone). */
    static Stream<Arguments> schemes() {
        return Stream.of(
                Arguments.of("world:anyone", ANYONE, List.of(CLIENT_IP), List.of()),
                Arguments.of("digest", ALICE_ID, List.of(CLIENT_IP, ALICE_ID), List.of(CLIENT_IP, new Id("digest", BOB))),
                Arguments.of("ip exact", new Id("ip", "10.1.2.3"), List.of(CLIENT_IP), List.of(new Id("ip", "10.1.2.4"))),
                Arguments.of("ip /24", new Id("ip", "10.1.2.0/24"), List.of(CLIENT_IP), List.of(new Id("ip", "10.1.3.3"))),
                Arguments.of("ip /8", new Id("ip", "10.0.0.0/8"), List.of(CLIENT_IP), List.of(new Id("ip", "11.1.2.3"))),
                Arguments.of("ip v6 /64", new Id("ip", "2001:db8::/64"),
                        List.of(new Id("ip", "2001:db8:0:0:1:2:3:4")), List.of(new Id("ip", "2001:db8:0:1:0:0:0:1"))));
    }

    /** Every permission bit against every scheme: granted exactly when the entry holds the bit. */
    static Stream<Arguments> permsAndSchemes() {
        List<Arguments> all = new ArrayList<>();
        schemes().forEach(scheme -> {
            for (int perm : PERMS) {
                Object[] s = scheme.get();
                all.add(Arguments.of(s[0], perm, s[1], s[2], s[3]));
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, perm {1}")
    @MethodSource("permsAndSchemes")
    void entryGrantsExactlyItsOwnPermsToMatchingIds(String name, int perm, Id aclId, List<Id> matching, List<Id> others) {
        assertTrue(checker.allowed(List.of(new Acl(perm, aclId)), perm, matching));
        assertTrue(checker.allowed(List.of(new Acl(Perms.ALL, aclId)), perm, matching));
        assertFalse(checker.allowed(List.of(new Acl(Perms.ALL & ~perm, aclId)), perm, matching));
        if (!others.isEmpty()) {
            assertFalse(checker.allowed(List.of(new Acl(perm, aclId)), perm, others));
        } else {
            assertTrue(checker.allowed(List.of(new Acl(perm, aclId)), perm, List.of()));
        }
        // super passes whatever the ACL.
        assertTrue(checker.allowed(List.of(new Acl(Perms.ALL & ~perm, aclId)), perm, List.of(CLIENT_IP, SUPER)));
    }

    @Test
    void nullOrEmptyAclAllowsEveryone() {
        for (int perm : PERMS) {
            assertTrue(checker.allowed(null, perm, List.of()));
            assertTrue(checker.allowed(List.of(), perm, List.of(CLIENT_IP)));
        }
    }

    @Test
    void superPassesAnAclThatGrantsNothing() {
        List<Acl> nothing = List.of(new Acl(0, ALICE_ID));
        for (int perm : PERMS) {
            assertTrue(checker.allowed(nothing, perm, List.of(SUPER)));
            assertFalse(checker.allowed(nothing, perm, List.of(ALICE_ID)));
        }
    }

    @Test
    void superIsRecognisedByItsSchemeWhateverItsId() {
        assertTrue(checker.allowed(List.of(new Acl(0, ANYONE)), Perms.WRITE, List.of(new Id("super", "someone"))));
    }

    @Test
    void anyEntryOfTheAclMayGrant() {
        List<Acl> acl = List.of(new Acl(Perms.READ, ANYONE), new Acl(Perms.ALL, ALICE_ID));
        assertTrue(checker.allowed(acl, Perms.READ, List.of(CLIENT_IP)));
        assertFalse(checker.allowed(acl, Perms.WRITE, List.of(CLIENT_IP)));
        assertTrue(checker.allowed(acl, Perms.WRITE, List.of(CLIENT_IP, ALICE_ID)));
    }

    @Test
    void aPermMaskMeansAnyOfItsBitsAsGetAclUsesIt() {
        int readOrAdmin = Perms.READ | Perms.ADMIN;
        assertTrue(checker.allowed(List.of(new Acl(Perms.READ, ALICE_ID)), readOrAdmin, List.of(ALICE_ID)));
        assertTrue(checker.allowed(List.of(new Acl(Perms.ADMIN, ALICE_ID)), readOrAdmin, List.of(ALICE_ID)));
        assertFalse(checker.allowed(List.of(new Acl(Perms.WRITE | Perms.CREATE | Perms.DELETE, ALICE_ID)),
                readOrAdmin, List.of(ALICE_ID)));
    }

    @Test
    void idsMatchOnlyEntriesOfTheirOwnScheme() {
        // The digest id's text equals the ip entry's text, but schemes differ.
        assertFalse(checker.allowed(List.of(new Acl(Perms.ALL, new Id("ip", "10.1.2.3"))), Perms.READ,
                List.of(new Id("digest", "10.1.2.3"))));
        assertFalse(checker.allowed(List.of(new Acl(Perms.ALL, ALICE_ID)), Perms.READ, List.of(new Id("x509", ALICE))));
    }

    @Test
    void entriesOfSchemesWithoutAnAuthenticatorGrantNobody() {
        for (Id aclId : List.of(new Id("world", "someone"), new Id("auth", ""), new Id("super", ""),
                new Id("x509", "CN=alice"))) {
            List<Id> ids = List.of(CLIENT_IP, new Id(aclId.scheme(), aclId.id()));
            boolean allowed = checker.allowed(List.of(new Acl(Perms.ALL, aclId)), Perms.READ, ids);
            // Only the super id itself passes, through the super rule and not through the entry.
            assertEquals(aclId.scheme().equals("super"), allowed, aclId.toString());
        }
    }

    @Test
    void digestEntryMatchesOnlyTheSameUserAndHash() {
        List<Acl> acl = List.of(new Acl(Perms.ALL, ALICE_ID));
        assertTrue(checker.allowed(acl, Perms.READ, List.of(new Id("digest", DigestAuthenticationProvider.digest("alice:pw")))));
        assertFalse(checker.allowed(acl, Perms.READ, List.of(new Id("digest", DigestAuthenticationProvider.digest("alice:pW")))));
        assertFalse(checker.allowed(acl, Perms.READ, List.of(new Id("digest", "alice:x"))));
    }

    @Test
    void malformedIpEntryGrantsNobody() {
        List<Acl> acl = List.of(new Acl(Perms.ALL, new Id("ip", "10.1.2.3/33")));
        assertFalse(checker.allowed(acl, Perms.READ, List.of(CLIENT_IP)));
    }
}
