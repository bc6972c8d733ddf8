package org.zkplatform.zab.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.Perms;

class AclFixupTest {

    private static final Id ANYONE = new Id("world", "anyone");
    private static final Id CLIENT_IP = new Id("ip", "10.1.2.3");
    private static final Id ALICE = new Id("digest", AuthFixtures.expectedDigest("alice", "pw"));
    private static final Id BOB = new Id("digest", AuthFixtures.expectedDigest("bob", "pw"));
    private static final Id SUPER = new Id("super", "");
    private static final Id AUTH = new Id("auth", "");

    private final AclFixup fixup = new AclFixup(AuthFixtures.builtIn());

    private List<Acl> fixed(List<Acl> requested, List<Id> authIds) {
        return assertInstanceOf(AclFixup.Fixed.class, fixup.fixup(requested, authIds)).acl();
    }

    private void invalid(List<Acl> requested, List<Id> authIds) {
        assertInstanceOf(AclFixup.Invalid.class, fixup.fixup(requested, authIds));
    }

    @Test
    void openAclIsKeptAsItIs() {
        List<Acl> open = List.of(new Acl(Perms.ALL, ANYONE));
        assertEquals(open, fixed(open, List.of(CLIENT_IP)));
    }

    @Test
    void repeatedEntriesAreDroppedKeepingTheFirstInOrder() {
        List<Acl> requested = List.of(
                new Acl(Perms.READ, ANYONE), new Acl(Perms.ALL, ALICE), new Acl(Perms.READ, ANYONE),
                new Acl(Perms.ALL, ALICE), new Acl(Perms.WRITE, ANYONE));
        assertEquals(List.of(new Acl(Perms.READ, ANYONE), new Acl(Perms.ALL, ALICE), new Acl(Perms.WRITE, ANYONE)),
                fixed(requested, List.of()));
    }

    @Test
    void nullOrEmptyAclIsInvalid() {
        invalid(null, List.of(CLIENT_IP));
        invalid(List.of(), List.of(CLIENT_IP));
    }

    @Test
    void nullEntryIsInvalid() {
        invalid(Arrays.asList(new Acl(Perms.ALL, ANYONE), null), List.of());
    }

    @Test
    void authExpandsToEveryAuthenticatedIdOfTheConnectionInItsOrder() {
        List<Acl> requested = List.of(new Acl(Perms.READ | Perms.WRITE, new Id("auth", "ignored:text")));
        assertEquals(List.of(new Acl(Perms.READ | Perms.WRITE, ALICE), new Acl(Perms.READ | Perms.WRITE, BOB)),
                fixed(requested, List.of(CLIENT_IP, ALICE, SUPER, BOB)));
    }

    @Test
    void authWithOnlyIpAndSuperIdsIsInvalid() {
        invalid(List.of(new Acl(Perms.ALL, AUTH)), List.of(CLIENT_IP, SUPER));
        invalid(List.of(new Acl(Perms.ALL, AUTH)), List.of());
    }

    @Test
    void authIdsOfSchemesWithoutAnAuthenticatorAreSkipped() {
        invalid(List.of(new Acl(Perms.ALL, AUTH)), List.of(new Id("x509", "CN=alice")));
    }

    @Test
    void expansionIsNotCheckedForRepeatsAgainAsInZooKeeper() {
        List<Acl> requested = List.of(new Acl(Perms.ALL, AUTH), new Acl(Perms.ALL, ALICE));
        assertEquals(List.of(new Acl(Perms.ALL, ALICE), new Acl(Perms.ALL, ALICE)), fixed(requested, List.of(ALICE)));
    }

    @Test
    void validDigestAndIpEntriesAreKept() {
        List<Acl> requested = List.of(new Acl(Perms.ALL, ALICE), new Acl(Perms.READ, new Id("ip", "10.0.0.0/8")),
                new Acl(Perms.READ, new Id("ip", "fe80::/10")), new Acl(Perms.READ, ANYONE));
        assertEquals(requested, fixed(requested, List.of()));
    }

    @Test
    void digestIdWithAPlainPasswordInsteadOfAHashIsStillWellFormed() {
        List<Acl> requested = List.of(new Acl(Perms.ALL, new Id("digest", "alice:pw")));
        assertEquals(requested, fixed(requested, List.of()));
    }

    @Test
    void permsAreNotChecked() {
        List<Acl> requested = List.of(new Acl(0, ANYONE), new Acl(-1, ALICE));
        assertEquals(requested, fixed(requested, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice:", "a:b:c", ""})
    void malformedDigestIdMakesTheWholeAclInvalid(String id) {
        invalid(List.of(new Acl(Perms.ALL, ANYONE), new Acl(Perms.ALL, new Id("digest", id))), List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2", "10.1.2.3/33", "host", "10.1.2.3/x"})
    void malformedIpIdMakesTheWholeAclInvalid(String id) {
        invalid(List.of(new Acl(Perms.ALL, new Id("ip", id))), List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"super", "x509", "sasl", "nosuch", "World"})
    void schemeWithoutAnAuthenticatorIsInvalid(String scheme) {
        invalid(List.of(new Acl(Perms.ALL, new Id(scheme, "anyone"))), List.of(SUPER));
    }

    @Test
    void worldWithAnotherIdIsInvalid() {
        invalid(List.of(new Acl(Perms.ALL, new Id("world", "someone"))), List.of());
    }

    @Test
    void theRequestedListIsNotModified() {
        List<Acl> requested = new ArrayList<>(List.of(new Acl(Perms.ALL, AUTH), new Acl(Perms.ALL, AUTH)));
        fixed(requested, List.of(ALICE));
        assertEquals(List.of(new Acl(Perms.ALL, AUTH), new Acl(Perms.ALL, AUTH)), requested);
    }
}
