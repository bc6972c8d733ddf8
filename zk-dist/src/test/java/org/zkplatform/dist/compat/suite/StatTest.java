package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

class StatTest extends CompatTestBase {

    @CompatTest
    void newNodeHasOneZxidOneTimeAndZeroVersions(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        long before = System.currentTimeMillis();
        Stat stat = new Stat();

        zk.create("/a", utf8("four"), OPEN, CreateMode.PERSISTENT, stat);

        assertTrue(stat.getCzxid() > 0, "czxid");
        assertEquals(stat.getCzxid(), stat.getMzxid(), "mzxid");
        assertEquals(stat.getCzxid(), stat.getPzxid(), "pzxid");
        assertEquals(stat.getCtime(), stat.getMtime(), "mtime");
        assertTrue(Math.abs(stat.getCtime() - before) < 60_000, "ctime is wall-clock milliseconds");
        assertEquals(0, stat.getVersion());
        assertEquals(0, stat.getCversion());
        assertEquals(0, stat.getAversion());
        assertEquals(0, stat.getEphemeralOwner());
        assertEquals(4, stat.getDataLength());
        assertEquals(0, stat.getNumChildren());
    }

    @CompatTest
    void ephemeralOwnerIsTheSessionOnlyForEphemerals(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertEquals(0, created(zk, "/persistent", CreateMode.PERSISTENT).getEphemeralOwner());
        assertEquals(0, created(zk, "/sequential-", CreateMode.PERSISTENT_SEQUENTIAL).getEphemeralOwner());
        assertEquals(0, created(zk, "/container", CreateMode.CONTAINER).getEphemeralOwner());
        assertEquals(zk.getSessionId(), created(zk, "/ephemeral", CreateMode.EPHEMERAL).getEphemeralOwner());
        assertEquals(zk.getSessionId(), created(zk, "/ephemeral-", CreateMode.EPHEMERAL_SEQUENTIAL).getEphemeralOwner());
    }

    @CompatTest
    @WithServerOptions(extendedTypes = true)
    void ttlNodesShowNoEphemeralOwner(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat created = new Stat();

        zk.create("/t", null, OPEN, CreateMode.PERSISTENT_WITH_TTL, created, 1000);

        assertEquals(0, created.getEphemeralOwner());
        assertEquals(0, zk.exists("/t", false).getEphemeralOwner());
    }

    @CompatTest
    void childChangesMovePzxidAndVisibleCversionButNotTheParentsDataStat(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat parent = created(zk, "/p", CreateMode.PERSISTENT);
        created(zk, "/p/a", CreateMode.PERSISTENT);
        Stat b = created(zk, "/p/b", CreateMode.PERSISTENT);

        Stat afterCreates = zk.exists("/p", false);
        assertEquals(2, afterCreates.getCversion());
        assertEquals(2, afterCreates.getNumChildren());
        assertEquals(b.getCzxid(), afterCreates.getPzxid());

        zk.delete("/p/a", -1);
        Stat marker = created(zk, "/marker", CreateMode.PERSISTENT);
        Stat afterDelete = zk.exists("/p", false);

        assertEquals(3, afterDelete.getCversion(), "visible cversion counts creates and deletes");
        assertEquals(1, afterDelete.getNumChildren());
        assertEquals(marker.getCzxid() - 1, afterDelete.getPzxid(), "pzxid is the delete's zxid");
        assertEquals(parent.getMzxid(), afterDelete.getMzxid());
        assertEquals(parent.getMtime(), afterDelete.getMtime());
        assertEquals(0, afterDelete.getVersion());
    }

    @CompatTest
    void storedCversionCountsOnlyCreatesAndNumbersSequentialChildren(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/p", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/p/a", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/p/b", null, OPEN, CreateMode.PERSISTENT);
        zk.delete("/p/a", -1);
        zk.delete("/p/b", -1);
        assertEquals(4, zk.exists("/p", false).getCversion());

        // Two creates so far: the suffix is 2, not the visible cversion 4.
        assertEquals("/p/s-0000000002", zk.create("/p/s-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL));
        assertEquals(5, zk.exists("/p", false).getCversion());
    }

    @CompatTest
    void setAclIncrementsOnlyTheAclVersion(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat created = created(zk, "/a", CreateMode.PERSISTENT);

        Stat stat = zk.setACL("/a", ZooDefs.Ids.READ_ACL_UNSAFE, 0);

        assertEquals(1, stat.getAversion());
        assertEquals(0, stat.getVersion());
        assertEquals(created.getMzxid(), stat.getMzxid());
        assertEquals(created.getMtime(), stat.getMtime());
        assertEquals(stat, zk.exists("/a", false));
    }

    @CompatTest
    void failedWritesConsumeAZxidAndReadsDoNot(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        long first = created(zk, "/a", CreateMode.PERSISTENT).getCzxid();

        assertFails(Code.NONODE, () -> zk.delete("/missing", -1));
        assertFails(Code.NODEEXISTS, () -> zk.create("/a", null, OPEN, CreateMode.PERSISTENT));
        assertFails(Code.BADVERSION, () -> zk.setData("/a", null, 7));
        zk.getData("/a", false, null);
        zk.getChildren("/", false);
        zk.exists("/missing", false);

        assertEquals(first + 4, created(zk, "/b", CreateMode.PERSISTENT).getCzxid());
    }

    @CompatTest
    void rootAndSystemNodesStartWithZeroStats(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat root = new Stat();
        Stat zookeeper = new Stat();
        Stat config = new Stat();

        assertEquals(List.of("zookeeper"), zk.getChildren("/", false, root));
        zk.getChildren("/zookeeper", false, zookeeper);
        zk.getData("/zookeeper/config", false, config);

        // Visible cversion = stored cversion (0: the system nodes are not created by txns) x 2 - numChildren.
        assertEquals(stat(0, 0, 0, 0, 0, -1, 0, 0, 0, 1, 0), root);
        assertEquals(stat(0, 0, 0, 0, 0, -2, 0, 0, 0, 2, 0), zookeeper);
        // Apache sets the config node's ACL with version -1 at startup, which lands in aversion.
        assertEquals(stat(0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0), config);
        assertEquals(stat(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), zk.exists("/zookeeper/quota", false));
    }

    private static Stat created(ZooKeeper zk, String path, CreateMode mode) throws Exception {
        Stat stat = new Stat();
        zk.create(path, null, OPEN, mode, stat);
        return stat;
    }

    private static Stat stat(long czxid, long mzxid, long ctime, long mtime, int version, int cversion, int aversion,
            long ephemeralOwner, int dataLength, int numChildren, long pzxid) {
        return new Stat(czxid, mzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner, dataLength, numChildren, pzxid);
    }
}
