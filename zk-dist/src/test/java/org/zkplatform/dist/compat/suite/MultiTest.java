package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.OpResult.CheckResult;
import org.apache.zookeeper.OpResult.CreateResult;
import org.apache.zookeeper.OpResult.DeleteResult;
import org.apache.zookeeper.OpResult.ErrorResult;
import org.apache.zookeeper.OpResult.GetChildrenResult;
import org.apache.zookeeper.OpResult.GetDataResult;
import org.apache.zookeeper.OpResult.SetDataResult;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.proto.CheckVersionRequest;

/** multi (atomic writes, with check) and multiRead. */
class MultiTest extends CompatTestBase {

    @CompatTest
    void multiAppliesEveryOpWithOneZxidAndReportsEachResult(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/old", null, OPEN, CreateMode.PERSISTENT);

        List<OpResult> results = zk.multi(List.of(
                Op.create("/a", utf8("a"), OPEN, CreateMode.PERSISTENT),
                Op.create("/a/s-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL),
                Op.create("/c", null, OPEN, CreateMode.CONTAINER),
                Op.setData("/a", utf8("a2"), 0),
                Op.check("/a", 1),
                Op.delete("/old", 0)));

        Stat a = zk.exists("/a", false);
        assertEquals(6, results.size());
        assertEquals("/a", ((CreateResult) results.get(0)).getPath());
        assertNull(((CreateResult) results.get(0)).getStat(), "a plain create in a multi reports no stat");
        assertEquals("/a/s-0000000000", ((CreateResult) results.get(1)).getPath());
        CreateResult container = (CreateResult) results.get(2);
        assertEquals("/c", container.getPath());
        assertEquals(zk.exists("/c", false), container.getStat(), "a container create reports its stat");
        assertEquals(a, ((SetDataResult) results.get(3)).getStat());
        assertInstanceOf(CheckResult.class, results.get(4));
        assertInstanceOf(DeleteResult.class, results.get(5));

        assertArrayEquals(utf8("a2"), zk.getData("/a", false, null));
        assertNull(zk.exists("/old", false));
        assertEquals(a.getCzxid(), a.getMzxid(), "all ops share one zxid");
        assertEquals(a.getCzxid(), zk.exists("/c", false).getCzxid(), "all ops share one zxid");
    }

    @CompatTest
    void failedMultiAppliesNothingAndReportsThePerOpCodes(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/existing", utf8("before"), OPEN, CreateMode.PERSISTENT);

        KeeperException e = assertFails(Code.NONODE, () -> zk.multi(List.of(
                Op.create("/x", null, OPEN, CreateMode.PERSISTENT),
                Op.setData("/existing", utf8("after"), -1),
                Op.setData("/missing", null, -1),
                Op.create("/y", null, OPEN, CreateMode.PERSISTENT),
                Op.delete("/existing", -1))));

        assertEquals(List.of(0, 0, Code.NONODE.intValue(), Code.RUNTIMEINCONSISTENCY.intValue(),
                Code.RUNTIMEINCONSISTENCY.intValue()), errorCodes(e.getResults()));
        assertNull(zk.exists("/x", false));
        assertNull(zk.exists("/y", false));
        assertArrayEquals(utf8("before"), zk.getData("/existing", false, null));
    }

    @CompatTest
    void failedCheckFailsTheMultiWithBadVersion(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", null, OPEN, CreateMode.PERSISTENT);

        KeeperException e = assertFails(Code.BADVERSION, () -> zk.multi(List.of(
                Op.check("/a", 3),
                Op.create("/b", null, OPEN, CreateMode.PERSISTENT))));

        assertEquals(List.of(Code.BADVERSION.intValue(), Code.RUNTIMEINCONSISTENCY.intValue()), errorCodes(e.getResults()));
        assertNull(zk.exists("/b", false));
        assertFails(Code.NONODE, () -> zk.multi(List.of(Op.check("/missing", -1))));
    }

    @CompatTest
    void failedMultiConsumesOneZxid(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat before = new Stat();
        zk.create("/before", null, OPEN, CreateMode.PERSISTENT, before);

        assertFails(Code.NODEEXISTS, () -> zk.multi(List.of(
                Op.create("/a", null, OPEN, CreateMode.PERSISTENT),
                Op.create("/b", null, OPEN, CreateMode.PERSISTENT),
                Op.create("/before", null, OPEN, CreateMode.PERSISTENT))));
        Stat after = new Stat();
        zk.create("/after", null, OPEN, CreateMode.PERSISTENT, after);

        assertEquals(before.getCzxid() + 2, after.getCzxid());
    }

    @CompatTest
    void opsInAMultiSeeTheEarlierOpsOfTheSameMulti(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        zk.multi(List.of(
                Op.create("/p", null, OPEN, CreateMode.PERSISTENT),
                Op.create("/p/c", null, OPEN, CreateMode.PERSISTENT),
                Op.delete("/p/c", 0),
                Op.delete("/p", 0),
                Op.create("/p", utf8("again"), OPEN, CreateMode.PERSISTENT)));

        assertArrayEquals(utf8("again"), zk.getData("/p", false, null));
        assertEquals(List.of(), zk.getChildren("/p", false));
    }

    @CompatTest
    void multiReadReportsEachResultIncludingErrors(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat a = new Stat();
        zk.create("/a", utf8("data"), OPEN, CreateMode.PERSISTENT, a);
        zk.create("/a/child", null, OPEN, CreateMode.PERSISTENT);
        a = zk.exists("/a", false);

        // Unlike a failed multi, a multiRead with a failed op does not throw.
        List<OpResult> results = zk.multi(List.of(
                Op.getData("/a"),
                Op.getChildren("/missing"),
                Op.getChildren("/a")));

        assertEquals(3, results.size());
        GetDataResult data = (GetDataResult) results.get(0);
        assertArrayEquals(utf8("data"), data.getData());
        assertEquals(a, data.getStat());
        assertEquals(Code.NONODE.intValue(), ((ErrorResult) results.get(1)).getErr());
        assertEquals(List.of("child"), ((GetChildrenResult) results.get(2)).getChildren());
    }

    @CompatTest
    void multiReadWithoutErrorsReturnsTheResults(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", utf8("data"), OPEN, CreateMode.PERSISTENT);

        List<OpResult> results = zk.multi(List.of(Op.getChildren("/"), Op.getData("/a")));

        assertEquals(List.of("a", "zookeeper"), ((GetChildrenResult) results.get(0)).getChildren().stream().sorted().toList());
        assertArrayEquals(utf8("data"), ((GetDataResult) results.get(1)).getData());
        assertNotNull(((GetDataResult) results.get(1)).getStat());
    }

    @CompatTest
    void checkOutsideAMultiIsUnimplementedAndClosesTheConnection(ServerFixture server) {
        RawSession raw = server.rawSession(ServerFixture.SESSION_TIMEOUT_MS);

        assertEquals(Code.UNIMPLEMENTED.intValue(), raw.call(ZooDefs.OpCode.check, new CheckVersionRequest("/", -1)));
        assertTrue(raw.closedByServerWithin(Duration.ofSeconds(ServerFixture.WAIT_SECONDS)));
    }

    private static List<Integer> errorCodes(List<OpResult> results) {
        return results.stream().map(result -> ((ErrorResult) result).getErr()).toList();
    }
}
