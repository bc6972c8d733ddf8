package org.zkplatform.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.cli.AclParser;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.Perms;

class AclSyntaxTest {

    @Test
    void parsesCommaSeparatedEntriesWithTheIdBetweenTheFirstAndLastColon() throws Exception {
        List<Acl> acl = AclSyntax.parse("world:anyone:r,digest:alice:X/y+z=:cdrwa,ip:10.0.0.1:rw,auth::a");

        assertEquals(List.of(
                new Acl(Perms.READ, new Id("world", "anyone")),
                new Acl(Perms.ALL, new Id("digest", "alice:X/y+z=")),
                new Acl(Perms.READ | Perms.WRITE, new Id("ip", "10.0.0.1")),
                new Acl(Perms.ADMIN, new Id("auth", ""))), acl);
    }

    @ParameterizedTest
    @ValueSource(strings = {"world:anyone:cdrwa", "digest:user:jJ6Z7/Jdf0vl0JWJj/Htbw4U0Cg=:cdr,world:anyone:r",
        "ip:127.0.0.1:a", "x509:CN=a:rw", "world:anyone:"})
    void parsesValidAclsAsZkCliDoes(String text) throws Exception {
        List<ACL> apache = AclParser.parse(text);
        List<Acl> ours = AclSyntax.parse(text);

        assertEquals(apache.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(apache.get(i).getId().getScheme(), ours.get(i).id().scheme());
            assertEquals(apache.get(i).getId().getId(), ours.get(i).id().id());
            assertEquals(apache.get(i).getPerms(), ours.get(i).perms());
        }
    }

    @Test
    void aMalformedEntryOrUnknownPermissionFailsInsteadOfBeingSkipped() {
        assertUsage("'world:anyone' does not have the form scheme:id:perm", "world:anyone");
        assertUsage("'digest' does not have the form scheme:id:perm", "world:anyone:r,digest");
        assertUsage("':x:r' has no scheme", ":x:r");
        assertUsage("unknown permission 'x' in 'world:anyone:rx': use any of cdrwa", "world:anyone:rx");
        assertUsage("'' does not have the form scheme:id:perm", "world:anyone:r,");
    }

    @Test
    void permissionLettersComeInZkClisOrder() {
        for (int perms = 0; perms <= Perms.ALL; perms++) {
            assertEquals(ZKUtil.getPermString(perms), AclSyntax.perms(perms));
        }
    }

    @Test
    void formatsAnEntryAsZkClisGetAclPrintsIt() {
        for (Acl acl : List.of(new Acl(Perms.ALL, new Id("world", "anyone")),
                new Acl(Perms.READ, new Id("digest", "u:hash/+=")),
                new Acl(Perms.WRITE, new Id("x509", "CN=a,O=b}%\n")))) {
            org.apache.zookeeper.data.Id apacheId = new org.apache.zookeeper.data.Id(acl.id().scheme(), acl.id().id());
            // zkCli's GetAclCommand: out.println(a.getId() + ": " + getPermString(a.getPerms()))
            String zkCli = apacheId + ": " + ZKUtil.getPermString(acl.perms());

            assertEquals(zkCli, AclSyntax.format(acl));
        }
        assertEquals("'world,'anyone\n: cdrwa", AclSyntax.format(AclSyntax.OPEN.get(0)));
    }

    private static void assertUsage(String message, String acl) {
        CliException e = assertThrows(CliException.class, () -> AclSyntax.parse(acl));
        assertEquals(CliExit.USAGE, e.exit());
        assertEquals(message, e.getMessage());
    }
}
