package org.zkplatform.zab.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkplatform.zab.proto.CloseSessionTxn;
import org.zkplatform.zab.proto.CreateContainerTxn;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.CreateTxn;
import org.zkplatform.zab.proto.DeleteTxn;
import org.zkplatform.zab.proto.ErrorTxn;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.MultiTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.SetDataTxn;
import org.zkplatform.zab.proto.Stat;
import org.zkplatform.zab.proto.Txn;
import org.zkplatform.zab.proto.TxnHeader;

class DataTreeTest {

    private static final long SESSION = 0x1234L;

    private final DataTree tree = new DataTree();
    private final List<String> events = new ArrayList<>();
    private final TreeListener recorder = new TreeListener() {
        @Override
        public void nodeCreated(String path, String parent) {
            events.add("created " + path + " in " + parent);
        }

        @Override
        public void nodeDeleted(String path, String parent, DataNode deleted) {
            events.add("deleted " + path + " from " + parent);
        }

        @Override
        public void dataChanged(String path) {
            events.add("changed " + path);
        }
    };
    private long zxid;

    private TxnResult apply(int type, JuteRecord txn) {
        zxid++;
        return tree.apply(new TxnHeader(SESSION, 1, zxid, 1000 + zxid, type), txn, recorder);
    }

    private TxnResult create(String path, boolean ephemeral) {
        return apply(OpCode.CREATE, new CreateTxn(path, new byte[] {1, 2}, DataTree.OPEN_ACL_UNSAFE, ephemeral, -1));
    }

    @Test
    void startsWithZooKeepersSystemNodes() {
        assertEquals(4, tree.nodeCount());
        assertEquals(3, tree.allChildrenNumber("/"));
        assertEquals(DataTree.READ_ACL_UNSAFE, tree.node("/zookeeper/config").acl());
        // One child and no recorded create: ZooKeeper shows the root with cversion -1.
        assertEquals(new Stat(0, 0, 0, 0, 0, -1, 0, 0, 0, 1, 0), tree.node("/").stat());
    }

    @Test
    void aNewNodeHasOneZxidForCreateModifyAndChildrenAndTheTxnTime() {
        TxnResult result = create("/a", false);

        assertEquals(new Stat(1, 1, 1001, 1001, 0, 0, 0, 0, 2, 0, 1), result.stat());
        Stat root = tree.node("/").stat();
        assertEquals(1, root.pzxid());
        assertEquals(1, tree.node("/").storedCversion());
        assertEquals(List.of("created /a in /"), events);
    }

    @Test
    void visibleCversionCountsDeletesButTheStoredOneDoesNot() {
        create("/p", false);
        create("/p/a", false);
        create("/p/b", false);
        apply(OpCode.DELETE, new DeleteTxn("/p/a"));

        DataNode parent = tree.node("/p");
        assertEquals(2, parent.storedCversion(), "sequence numbers count creates only");
        assertEquals(3, parent.stat().cversion(), "clients see creates plus deletes");
        assertEquals(4, parent.stat().pzxid());
    }

    @Test
    void setDataBumpsVersionMzxidAndMtime() {
        create("/a", false);
        TxnResult result = apply(OpCode.SET_DATA, new SetDataTxn("/a", new byte[5], 1));

        assertEquals(1, result.stat().version());
        assertEquals(2, result.stat().mzxid());
        assertEquals(1002, result.stat().mtime());
        assertEquals(1, result.stat().czxid());
        assertEquals(5, result.stat().dataLength());
    }

    @Test
    void replayingACreateOfAnExistingNodeKeepsTheParentCountersUp() {
        create("/a", false);
        TxnResult replay = apply(OpCode.CREATE, new CreateTxn("/a", new byte[0], DataTree.OPEN_ACL_UNSAFE, false, 7));

        assertEquals(KeeperError.NODE_EXISTS, replay.error());
        assertEquals(7, tree.node("/").storedCversion());
        assertEquals(2, tree.node("/").pzxid());
    }

    @Test
    void aFailedMultiAppliesNothingAndReportsEachOp() {
        create("/a", false);
        MultiTxn multi = new MultiTxn(List.of(
                new Txn(OpCode.CREATE, new CreateTxn("/b", new byte[0], DataTree.OPEN_ACL_UNSAFE, false, 2).toByteArray()),
                new Txn(OpCode.ERROR, new ErrorTxn(KeeperError.NO_NODE.code()).toByteArray()),
                new Txn(OpCode.ERROR, new ErrorTxn(KeeperError.RUNTIME_INCONSISTENCY.code()).toByteArray())));

        TxnResult result = apply(OpCode.MULTI, multi);

        assertNull(tree.node("/b"));
        assertEquals(List.of(KeeperError.OK, KeeperError.NO_NODE, KeeperError.RUNTIME_INCONSISTENCY),
                result.multi().stream().map(TxnResult::error).toList());
        assertTrue(result.multi().stream().allMatch(r -> r.type() == OpCode.ERROR));
        assertEquals(2, tree.lastProcessedZxid(), "the multi consumed its zxid all the same");
    }

    @Test
    void closingASessionDeletesItsEphemeralsAndForgetsIt() {
        apply(OpCode.CREATE_SESSION, new CreateSessionTxn(30_000));
        create("/e1", true);
        create("/e2", true);
        create("/p", false);
        assertEquals(2, tree.ephemerals(SESSION).size());
        events.clear();

        apply(OpCode.CLOSE_SESSION, new CloseSessionTxn(List.of("/e2")));

        assertNull(tree.node("/e1"));
        assertNull(tree.node("/e2"));
        assertEquals("deleted /e2 from /", events.get(0), "the txn's list goes first");
        assertEquals(0, tree.ephemerals(SESSION).size());
        assertTrue(tree.sessions().isEmpty());
        assertEquals(0, tree.node("/p").ephemeralOwner());
    }

    @Test
    void containersAreTrackedAndShowNoOwnerToClients() {
        apply(OpCode.CREATE_CONTAINER, new CreateContainerTxn("/c", new byte[0], DataTree.OPEN_ACL_UNSAFE, 1));

        assertTrue(tree.containers().contains("/c"));
        assertEquals(EphemeralOwner.CONTAINER, tree.node("/c").ephemeralOwner());
        assertEquals(0, tree.node("/c").stat().ephemeralOwner());
        apply(OpCode.DELETE_CONTAINER, new DeleteTxn("/c"));
        assertTrue(tree.containers().isEmpty());
    }

    @Test
    void equalAclsAreStoredOnce() {
        create("/a", false);
        create("/b", false);
        assertEquals(2, tree.aclCount(), "open and read-only: the system nodes' ACLs");
    }
}
