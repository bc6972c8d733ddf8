package org.zkplatform.zab.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.Perms;

class AclMaskingTest {

    private static final String ALICE = AuthFixtures.expectedDigest("alice", "pw");

    private static final List<Acl> ACL = List.of(
            new Acl(Perms.ALL, new Id("digest", ALICE)),
            new Acl(Perms.READ, new Id("world", "anyone")),
            new Acl(Perms.READ, new Id("ip", "10.0.0.0/8")),
            new Acl(Perms.ADMIN, new Id("x509", "CN=a:b")));

    @Test
    void readerWithAdminSeesDigestIdsWhole() {
        assertEquals(ACL, AclMasking.forReader(ACL, true));
    }

    @Test
    void readerWithoutAdminSeesDigestHashesAsX() {
        assertEquals(List.of(
                new Acl(Perms.ALL, new Id("digest", "alice:x")),
                new Acl(Perms.READ, new Id("world", "anyone")),
                new Acl(Perms.READ, new Id("ip", "10.0.0.0/8")),
                new Acl(Perms.ADMIN, new Id("x509", "CN=a:b"))), AclMasking.forReader(ACL, false));
    }

    @Test
    void maskingStartsAtTheFirstColon() {
        List<Acl> acl = List.of(new Acl(Perms.READ, new Id("digest", "alice:pw:more")),
                new Acl(Perms.READ, new Id("digest", ":hash")));
        assertEquals(List.of(new Acl(Perms.READ, new Id("digest", "alice:x")), new Acl(Perms.READ, new Id("digest", ":x"))),
                AclMasking.forReader(acl, false));
    }

    @Test
    void digestIdWithoutColonIsShownUnchanged() {
        List<Acl> acl = List.of(new Acl(Perms.READ, new Id("digest", "alice")));
        assertEquals(acl, AclMasking.forReader(acl, false));
    }

    @Test
    void maskingWorksLineByLineAsZooKeepersRegularExpressionDoes() {
        List<Acl> acl = List.of(new Acl(Perms.READ, new Id("digest", "a:b\nc:d")));
        assertEquals(List.of(new Acl(Perms.READ, new Id("digest", "a:x\nc:x"))), AclMasking.forReader(acl, false));
    }
}
