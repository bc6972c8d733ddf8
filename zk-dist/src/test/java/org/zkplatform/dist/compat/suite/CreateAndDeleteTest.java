package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.proto.CreateRequest;

class CreateAndDeleteTest extends CompatTestBase {

    private static final long TTL_MS = 60_000;

    @CompatTest
    void createReturnsThePathAndKeepsTheData(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertEquals("/a", zk.create("/a", utf8("x"), OPEN, CreateMode.PERSISTENT));

        assertArrayEquals(utf8("x"), zk.getData("/a", false, null));
    }

    @CompatTest
    void nullDataStaysNullAndEmptyDataStaysEmpty(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/null", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/empty", new byte[0], OPEN, CreateMode.PERSISTENT);
        Stat nullStat = new Stat();
        Stat emptyStat = new Stat();

        assertNull(zk.getData("/null", false, nullStat));
        assertArrayEquals(new byte[0], zk.getData("/empty", false, emptyStat));
        assertEquals(0, nullStat.getDataLength());
        assertEquals(0, emptyStat.getDataLength());
    }

    @CompatTest
    void create2ReturnsTheStatOfTheNewNode(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat created = new Stat();

        zk.create("/a", utf8("xyz"), OPEN, CreateMode.PERSISTENT, created);

        assertEquals(zk.exists("/a", false), created);
        assertEquals(3, created.getDataLength());
    }

    @CompatTest
    void sequentialSuffixIsTheParentsCountOfChildCreations(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/p", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/p/plain", null, OPEN, CreateMode.PERSISTENT);
        zk.delete("/p/plain", -1);

        assertEquals("/p/s-0000000001", zk.create("/p/s-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL));
        assertEquals("/p/e-0000000002", zk.create("/p/e-", null, OPEN, CreateMode.EPHEMERAL_SEQUENTIAL));
        assertEquals("/p/0000000003", zk.create("/p/", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL));
        assertEquals(List.of("0000000003", "e-0000000002", "s-0000000001"), zk.getChildren("/p", false).stream().sorted().toList());
    }

    @CompatTest
    void firstSequentialChildOfTheRootIsNumberedZero(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertEquals("/seq-0000000000", zk.create("/seq-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL));
    }

    @CompatTest
    void ephemeralNodeIsOwnedByItsSession(ServerFixture server) throws Exception {
        ZooKeeper owner = server.client();
        ZooKeeper other = server.client();

        owner.create("/e", null, OPEN, CreateMode.EPHEMERAL);
        String sequential = owner.create("/es-", null, OPEN, CreateMode.EPHEMERAL_SEQUENTIAL);

        assertEquals(owner.getSessionId(), other.exists("/e", false).getEphemeralOwner());
        assertEquals(owner.getSessionId(), other.exists(sequential, false).getEphemeralOwner());
        assertEquals(List.of("/e", sequential), owner.getEphemerals().stream().sorted().toList());
        assertEquals(List.of(), other.getEphemerals());
    }

    @CompatTest
    void containerNodeTakesChildrenAndShowsNoOwner(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat created = new Stat();

        assertEquals("/c", zk.create("/c", utf8("d"), OPEN, CreateMode.CONTAINER, created));
        zk.create("/c/child", null, OPEN, CreateMode.PERSISTENT);

        assertEquals(0, created.getEphemeralOwner());
        assertEquals(0, zk.exists("/c", false).getEphemeralOwner());
        assertEquals(List.of("child"), zk.getChildren("/c", false));
        assertEquals(List.of(), zk.getEphemerals());
    }

    @CompatTest
    @WithServerOptions(extendedTypes = true)
    void ttlNodesAreCreatedWhenExtendedTypesAreOn(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat created = new Stat();

        assertEquals("/t", zk.create("/t", utf8("d"), OPEN, CreateMode.PERSISTENT_WITH_TTL, created, TTL_MS));
        assertEquals("/ts-0000000001",
                zk.create("/ts-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, new Stat(), TTL_MS));

        assertEquals(0, created.getEphemeralOwner());
        assertEquals(zk.exists("/t", false), created);
    }

    @CompatTest
    void ttlNodesAreUnimplementedWhenExtendedTypesAreOff(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertFails(Code.UNIMPLEMENTED, () -> zk.create("/t", null, OPEN, CreateMode.PERSISTENT_WITH_TTL, new Stat(), TTL_MS));
        assertFails(Code.UNIMPLEMENTED,
                () -> zk.create("/ts-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, new Stat(), TTL_MS));

        assertNull(zk.exists("/t", false));
    }

    @CompatTest
    void createWithoutParentIsNoNode(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertFails(Code.NONODE, () -> zk.create("/missing/a", null, OPEN, CreateMode.PERSISTENT));
        assertFails(Code.NONODE, () -> zk.create("/missing/s-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL));
    }

    @CompatTest
    void createOfAnExistingPathIsNodeExists(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", utf8("first"), OPEN, CreateMode.PERSISTENT);

        assertEquals("/a", assertFails(Code.NODEEXISTS, () -> zk.create("/a", utf8("second"), OPEN, CreateMode.EPHEMERAL)).getPath());
        assertFails(Code.NODEEXISTS, () -> zk.create("/zookeeper", null, OPEN, CreateMode.PERSISTENT));

        assertArrayEquals(utf8("first"), zk.getData("/a", false, null));
    }

    @CompatTest
    void createUnderAnEphemeralIsNoChildrenForEphemerals(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/e", null, OPEN, CreateMode.EPHEMERAL);

        assertFails(Code.NOCHILDRENFOREPHEMERALS, () -> zk.create("/e/child", null, OPEN, CreateMode.PERSISTENT));
        assertFails(Code.NOCHILDRENFOREPHEMERALS, () -> zk.create("/e/s-", null, OPEN, CreateMode.EPHEMERAL_SEQUENTIAL));
    }

    @CompatTest
    void createWithAnEmptyAclIsInvalidAcl(ServerFixture server) {
        // The Apache client refuses an empty ACL itself, so ask the server directly.
        RawSession raw = server.rawSession(ServerFixture.SESSION_TIMEOUT_MS);

        assertEquals(Code.INVALIDACL.intValue(),
                raw.call(ZooDefs.OpCode.create, new CreateRequest("/a", null, List.of(), CreateMode.PERSISTENT.toFlag())));
    }

    @CompatTest
    void createWithUnknownFlagsIsBadArguments(ServerFixture server) {
        RawSession raw = server.rawSession(ServerFixture.SESSION_TIMEOUT_MS);

        assertEquals(Code.BADARGUMENTS.intValue(), raw.call(ZooDefs.OpCode.create, new CreateRequest("/a", null, OPEN, 99)));
    }

    @CompatTest
    void deleteRemovesTheNode(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", null, OPEN, CreateMode.PERSISTENT);

        zk.delete("/a", -1);

        assertNull(zk.exists("/a", false));
    }

    @CompatTest
    void deleteOfAMissingNodeIsNoNode(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertEquals("/missing", assertFails(Code.NONODE, () -> zk.delete("/missing", -1)).getPath());
    }

    @CompatTest
    void deleteChecksTheDataVersion(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", null, OPEN, CreateMode.PERSISTENT);
        zk.setData("/a", utf8("v1"), 0);

        assertFails(Code.BADVERSION, () -> zk.delete("/a", 0));
        assertNotNull(zk.exists("/a", false));

        zk.delete("/a", 1);
        assertNull(zk.exists("/a", false));
    }

    @CompatTest
    void deleteOfANodeWithChildrenIsNotEmpty(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/a/b", null, OPEN, CreateMode.PERSISTENT);

        assertFails(Code.NOTEMPTY, () -> zk.delete("/a", -1));
        assertNotNull(zk.exists("/a/b", false));
    }
}
