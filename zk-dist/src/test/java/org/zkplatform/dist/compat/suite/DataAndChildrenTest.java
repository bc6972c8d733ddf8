package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/** exists, getData, setData, getChildren, getChildren2, getAllChildrenNumber, getEphemerals and sync. */
class DataAndChildrenTest extends CompatTestBase {

    @CompatTest
    void existsReturnsTheStatOrNothing(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat created = new Stat();
        zk.create("/a", utf8("x"), OPEN, CreateMode.PERSISTENT, created);

        assertEquals(created, zk.exists("/a", false));
        assertNull(zk.exists("/missing", false));
    }

    @CompatTest
    void getDataReturnsTheDataAndStat(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat created = new Stat();
        zk.create("/a", utf8("hello"), OPEN, CreateMode.PERSISTENT, created);
        Stat stat = new Stat();

        assertArrayEquals(utf8("hello"), zk.getData("/a", false, stat));
        assertEquals(created, stat);
    }

    @CompatTest
    void getDataOfAMissingNodeIsNoNode(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertEquals("/missing", assertFails(Code.NONODE, () -> zk.getData("/missing", false, null)).getPath());
    }

    @CompatTest
    void setDataIncrementsTheVersionAndUpdatesMzxidAndMtime(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat created = new Stat();
        zk.create("/a", utf8("v0"), OPEN, CreateMode.PERSISTENT, created);

        Stat first = zk.setData("/a", utf8("version1"), 0);
        Stat second = zk.setData("/a", utf8("v2"), -1);

        assertEquals(1, first.getVersion());
        assertEquals(2, second.getVersion());
        assertEquals(created.getCzxid(), second.getCzxid());
        assertEquals(created.getCtime(), second.getCtime());
        assertTrue(first.getMzxid() > created.getMzxid(), "mzxid moves on");
        assertTrue(second.getMzxid() > first.getMzxid(), "mzxid moves on");
        assertTrue(second.getMtime() >= created.getMtime(), "mtime is the write's time");
        assertEquals(created.getPzxid(), second.getPzxid());
        assertEquals(8, first.getDataLength());
        assertEquals(2, second.getDataLength());
        assertEquals(second, zk.exists("/a", false));
        assertArrayEquals(utf8("v2"), zk.getData("/a", false, null));
    }

    @CompatTest
    void setDataWithAWrongVersionIsBadVersion(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", utf8("v0"), OPEN, CreateMode.PERSISTENT);

        assertFails(Code.BADVERSION, () -> zk.setData("/a", utf8("v1"), 1));

        Stat stat = new Stat();
        assertArrayEquals(utf8("v0"), zk.getData("/a", false, stat));
        assertEquals(0, stat.getVersion());
    }

    @CompatTest
    void setDataOfAMissingNodeIsNoNode(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertFails(Code.NONODE, () -> zk.setData("/missing", utf8("x"), -1));
    }

    @CompatTest
    void getChildrenListsTheChildNames(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/p", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/p/b", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/p/a", null, OPEN, CreateMode.EPHEMERAL);
        zk.create("/p/b/grandchild", null, OPEN, CreateMode.PERSISTENT);

        assertEquals(List.of("a", "b"), zk.getChildren("/p", false).stream().sorted().toList());
        assertEquals(List.of(), zk.getChildren("/p/a", false));
        assertEquals(List.of("config", "quota"), zk.getChildren("/zookeeper", false).stream().sorted().toList());
        assertFails(Code.NONODE, () -> zk.getChildren("/missing", false));
    }

    @CompatTest
    void getChildren2ReturnsTheParentStat(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/p", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/p/a", null, OPEN, CreateMode.PERSISTENT);
        Stat lastChild = new Stat();
        zk.create("/p/b", null, OPEN, CreateMode.PERSISTENT, lastChild);
        Stat stat = new Stat();

        assertEquals(List.of("a", "b"), zk.getChildren("/p", false, stat).stream().sorted().toList());

        assertEquals(zk.exists("/p", false), stat);
        assertEquals(2, stat.getNumChildren());
        assertEquals(2, stat.getCversion());
        assertEquals(lastChild.getCzxid(), stat.getPzxid());
    }

    @CompatTest
    void getAllChildrenNumberCountsEveryDescendant(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        // A fresh server has /zookeeper, /zookeeper/quota and /zookeeper/config below the root.
        assertEquals(3, zk.getAllChildrenNumber("/"));

        zk.create("/a", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/a/b", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/a/b/c", null, OPEN, CreateMode.EPHEMERAL);
        zk.create("/a/d", null, OPEN, CreateMode.PERSISTENT);

        assertEquals(3, zk.getAllChildrenNumber("/a"));
        assertEquals(1, zk.getAllChildrenNumber("/a/b"));
        assertEquals(0, zk.getAllChildrenNumber("/a/d"));
        assertEquals(7, zk.getAllChildrenNumber("/"));
        assertEquals(2, zk.getAllChildrenNumber("/zookeeper"));
        assertFails(Code.NONODE, () -> zk.getAllChildrenNumber("/missing"));
    }

    @CompatTest
    void getEphemeralsListsTheSessionsEphemeralsByPathPrefix(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        ZooKeeper other = server.client();
        zk.create("/app", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/apple", null, OPEN, CreateMode.EPHEMERAL);
        zk.create("/app/e1", null, OPEN, CreateMode.EPHEMERAL);
        zk.create("/app/e2", null, OPEN, CreateMode.EPHEMERAL);
        other.create("/app/theirs", null, OPEN, CreateMode.EPHEMERAL);

        assertEquals(List.of("/app/e1", "/app/e2", "/apple"), sorted(zk.getEphemerals()));
        assertEquals(List.of("/app/e1", "/app/e2", "/apple"), sorted(zk.getEphemerals("/")));
        // A plain string prefix: "/app" also matches "/apple".
        assertEquals(List.of("/app/e1", "/app/e2", "/apple"), sorted(zk.getEphemerals("/app")));
        assertEquals(List.of("/app/e1", "/app/e2"), sorted(zk.getEphemerals("/app/e")));
        assertEquals(List.of("/app/e1"), zk.getEphemerals("/app/e1"));
        assertEquals(List.of(), zk.getEphemerals("/nothing"));
        assertEquals(List.of("/app/theirs"), other.getEphemerals());
    }

    @CompatTest
    void syncCompletesForAnyPath(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", utf8("x"), OPEN, CreateMode.PERSISTENT);

        zk.sync("/a");
        zk.sync("/missing");

        assertArrayEquals(utf8("x"), zk.getData("/a", false, null));
    }

    private static List<String> sorted(List<String> paths) {
        return paths.stream().sorted().toList();
    }
}
