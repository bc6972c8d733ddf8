package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/** ACL checks, the world, auth, digest, ip and super schemes, getACL/setACL, whoAmI and failed authentication. */
class AclTest extends CompatTestBase {

    @CompatTest
    void getAclReturnsTheAclAndSetAclReplacesItWithAVersionCheck(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", null, OPEN, CreateMode.PERSISTENT);
        Stat stat = new Stat();

        assertEquals(OPEN, zk.getACL("/a", stat));
        assertEquals(0, stat.getAversion());

        assertFails(Code.BADVERSION, () -> zk.setACL("/a", ZooDefs.Ids.READ_ACL_UNSAFE, 1));
        assertEquals(1, zk.setACL("/a", acl(Perms.READ | Perms.ADMIN, world()), 0).getAversion());
        assertEquals(2, zk.setACL("/a", ZooDefs.Ids.READ_ACL_UNSAFE, -1).getAversion());

        assertEquals(ZooDefs.Ids.READ_ACL_UNSAFE, zk.getACL("/a", stat));
        assertEquals(2, stat.getAversion());
        assertFails(Code.NONODE, () -> zk.getACL("/missing", new Stat()));
        assertFails(Code.NONODE, () -> zk.setACL("/missing", OPEN, -1));
    }

    @CompatTest
    void eachOperationNeedsItsPermission(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/read", utf8("r"), acl(Perms.READ, world()), CreateMode.PERSISTENT);
        zk.create("/nothing", null, acl(Perms.ADMIN, world()), CreateMode.PERSISTENT);
        zk.create("/nodelete", null, acl(Perms.CREATE | Perms.READ, world()), CreateMode.PERSISTENT);
        zk.create("/nodelete/child", null, OPEN, CreateMode.PERSISTENT);

        assertArrayEquals(utf8("r"), zk.getData("/read", false, null));
        assertFails(Code.NOAUTH, () -> zk.setData("/read", utf8("w"), -1));
        assertFails(Code.NOAUTH, () -> zk.create("/read/child", null, OPEN, CreateMode.PERSISTENT));
        assertFails(Code.NOAUTH, () -> zk.setACL("/read", OPEN, -1));

        assertFails(Code.NOAUTH, () -> zk.getData("/nothing", false, null));
        assertFails(Code.NOAUTH, () -> zk.getChildren("/nothing", false));
        assertFails(Code.NOAUTH, () -> zk.exists("/nothing", false));
        assertFails(Code.NOAUTH, () -> zk.getAllChildrenNumber("/nothing"));
        assertEquals(acl(Perms.ADMIN, world()), zk.getACL("/nothing", new Stat()), "getACL needs READ or ADMIN");

        assertFails(Code.NOAUTH, () -> zk.delete("/nodelete/child", -1));
        zk.delete("/nothing", -1); // DELETE is checked on the parent, not the node itself
    }

    @CompatTest
    void creatorAllAclBelongsToTheAuthenticatedUser(ServerFixture server) throws Exception {
        ZooKeeper alice = digestClient(server, "alice:pw");
        ZooKeeper bob = digestClient(server, "bob:pw");
        ZooKeeper anonymous = server.client();

        alice.create("/mine", utf8("secret"), ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);

        assertEquals(acl(Perms.ALL, digest("alice:pw")), alice.getACL("/mine", new Stat()));
        assertArrayEquals(utf8("secret"), alice.getData("/mine", false, null));
        assertFails(Code.NOAUTH, () -> bob.getData("/mine", false, null));
        assertFails(Code.NOAUTH, () -> anonymous.getData("/mine", false, null));
        assertFails(Code.NOAUTH, () -> anonymous.setData("/mine", null, -1));
    }

    @CompatTest
    void creatorAllAclWithoutAuthenticationIsInvalidAcl(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertFails(Code.INVALIDACL, () -> zk.create("/a", null, ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT));
        assertNull(zk.exists("/a", false));
    }

    @CompatTest
    void digestAclGrantsOnlyItsPermissionsToItsUser(ServerFixture server) throws Exception {
        ZooKeeper owner = server.client();
        ZooKeeper alice = digestClient(server, "alice:pw");
        ZooKeeper wrongPassword = digestClient(server, "alice:wrong");
        owner.create("/a", utf8("x"), acls(new ACL(Perms.READ, digest("alice:pw")), new ACL(Perms.ADMIN, world())),
                CreateMode.PERSISTENT);

        assertArrayEquals(utf8("x"), alice.getData("/a", false, null));
        assertFails(Code.NOAUTH, () -> alice.setData("/a", null, -1));
        assertFails(Code.NOAUTH, () -> wrongPassword.getData("/a", false, null));
        assertFails(Code.NOAUTH, () -> owner.getData("/a", false, null));
    }

    @CompatTest
    void ipAclMatchesTheClientAddress(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/local", utf8("x"), acl(Perms.ALL, new Id("ip", "127.0.0.1")), CreateMode.PERSISTENT);
        zk.create("/localnet", utf8("x"), acl(Perms.ALL, new Id("ip", "127.0.0.0/8")), CreateMode.PERSISTENT);
        zk.create("/elsewhere", utf8("x"), acl(Perms.ALL, new Id("ip", "10.0.0.0/8")), CreateMode.PERSISTENT);

        assertArrayEquals(utf8("x"), zk.getData("/local", false, null));
        assertArrayEquals(utf8("x"), zk.getData("/localnet", false, null));
        assertFails(Code.NOAUTH, () -> zk.getData("/elsewhere", false, null));
    }

    @CompatTest
    @WithServerOptions(superUser = true)
    void superUserBypassesEveryAcl(ServerFixture server) throws Exception {
        assumeTrue(server.target() != Target.APACHE || ApacheQuirks.superDigestPinned(),
                "another test in this JVM started Apache before the suite could fix its super digest");
        ZooKeeper owner = digestClient(server, "alice:pw");
        ZooKeeper superUser = digestClient(server, ApacheQuirks.SUPER_USER + ":" + ApacheQuirks.SUPER_PASSWORD);
        owner.create("/locked", utf8("x"), ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
        owner.create("/locked/child", null, ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
        owner.setACL("/locked", acl(0, digest("alice:pw")), -1);

        assertArrayEquals(utf8("x"), superUser.getData("/locked", false, null));
        superUser.setData("/locked", utf8("y"), -1);
        superUser.create("/locked/new", null, OPEN, CreateMode.PERSISTENT);
        superUser.delete("/locked/child", -1);
        superUser.setACL("/locked", OPEN, -1);
        assertArrayEquals(utf8("y"), server.client().getData("/locked", false, null));
    }

    @CompatTest
    void getAclWithoutAdminMasksDigestIds(ServerFixture server) throws Exception {
        ZooKeeper alice = digestClient(server, "alice:pw");
        ZooKeeper anonymous = server.client();
        List<ACL> acl = acls(new ACL(Perms.READ, world()), new ACL(Perms.ALL, digest("alice:pw")));
        alice.create("/a", null, acl, CreateMode.PERSISTENT);

        assertEquals(acl, alice.getACL("/a", new Stat()));
        assertEquals(acls(new ACL(Perms.READ, world()), new ACL(Perms.ALL, new Id("digest", "alice:x"))),
                anonymous.getACL("/a", new Stat()));
    }

    @CompatTest
    void aclsWithUnknownSchemesOrMalformedIdsAreInvalidAcl(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", null, OPEN, CreateMode.PERSISTENT);

        assertFails(Code.INVALIDACL, () -> zk.create("/b", null, acl(Perms.ALL, new Id("nosuchscheme", "x")), CreateMode.PERSISTENT));
        assertFails(Code.INVALIDACL, () -> zk.create("/b", null, acl(Perms.ALL, new Id("digest", "no-colon")), CreateMode.PERSISTENT));
        assertFails(Code.INVALIDACL, () -> zk.create("/b", null, acl(Perms.ALL, new Id("ip", "not-an-ip")), CreateMode.PERSISTENT));
        assertFails(Code.INVALIDACL, () -> zk.setACL("/a", acl(Perms.ALL, new Id("world", "someone")), -1));
        assertFails(Code.INVALIDACL, () -> zk.setACL("/a", ZooDefs.Ids.CREATOR_ALL_ACL, -1));
        assertNull(zk.exists("/b", false));
        assertEquals(OPEN, zk.getACL("/a", new Stat()));
    }

    @CompatTest
    void duplicateAclEntriesAreRemoved(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        zk.create("/a", null, acls(new ACL(Perms.ALL, world()), new ACL(Perms.ALL, world())), CreateMode.PERSISTENT);

        assertEquals(OPEN, zk.getACL("/a", new Stat()));
    }

    @CompatTest
    void whoAmIListsTheClientIpAndEveryAuthenticatedId(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        assertEquals(List.of(new ClientInfo("ip", "127.0.0.1")), zk.whoAmI());

        zk.addAuthInfo("digest", utf8("alice:pw"));

        assertEquals(List.of(new ClientInfo("ip", "127.0.0.1"), new ClientInfo("digest", "alice")),
                zk.whoAmI());
    }

    @CompatTest
    void recursiveWatchSkipsNodesTheSessionCannotRead(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper alice = digestClient(server, "alice:pw");
        EventRecorder events = new EventRecorder();
        watching.addWatch("/r", events, AddWatchMode.PERSISTENT_RECURSIVE);

        alice.create("/r", null, OPEN, CreateMode.PERSISTENT);
        alice.create("/r/private", null, ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
        alice.create("/r/public", null, OPEN, CreateMode.PERSISTENT);

        events.expect(EventType.NodeCreated, "/r");
        events.expect(EventType.NodeCreated, "/r/public");
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    void authenticationWithAnUnknownSchemeFailsTheConnection(ServerFixture server) throws Exception {
        EventRecorder connection = new EventRecorder();
        ZooKeeper zk = server.client(connection);

        zk.addAuthInfo("nosuchscheme", utf8("whatever"));

        connection.awaitState(KeeperState.AuthFailed);
        assertEquals(ZooKeeper.States.AUTH_FAILED, zk.getState());
        assertFalse(zk.getState().isAlive());
        assertFails(Code.AUTHFAILED, () -> zk.getData("/", false, null));
    }

    @CompatTest
    void serverAnswersAFailedAuthWithAuthFailedAndClosesTheConnection(ServerFixture server) {
        RawSession raw = server.rawSession(ServerFixture.SESSION_TIMEOUT_MS);

        assertEquals(Code.OK.intValue(), raw.authenticate("digest", utf8("alice:pw")));
        assertEquals(Code.AUTHFAILED.intValue(), raw.authenticate("nosuchscheme", utf8("x")));
        assertTrue(raw.closedByServerWithin(Duration.ofSeconds(ServerFixture.WAIT_SECONDS)));
    }

    private static ZooKeeper digestClient(ServerFixture server, String userAndPassword) throws Exception {
        ZooKeeper zk = server.client();
        zk.addAuthInfo("digest", utf8(userAndPassword));
        zk.sync("/"); // the auth packet is answered before any later request
        return zk;
    }

    private static Id world() {
        return ZooDefs.Ids.ANYONE_ID_UNSAFE;
    }

    private static Id digest(String userAndPassword) throws Exception {
        return new Id("digest", DigestAuthenticationProvider.generateDigest(userAndPassword));
    }

    private static List<ACL> acl(int perms, Id id) {
        return acls(new ACL(perms, id));
    }

    /** A mutable list: the Apache client looks for null entries, which immutable lists refuse to search for. */
    private static List<ACL> acls(ACL... entries) {
        return new ArrayList<>(Arrays.asList(entries));
    }
}
