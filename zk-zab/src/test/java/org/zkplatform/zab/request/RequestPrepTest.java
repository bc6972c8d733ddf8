package org.zkplatform.zab.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.auth.Id;
import org.zkplatform.api.time.Clock;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.CreateRequest;
import org.zkplatform.zab.proto.CreateTxn;
import org.zkplatform.zab.proto.DeleteRequest;
import org.zkplatform.zab.proto.ErrorTxn;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.MultiOp;
import org.zkplatform.zab.proto.MultiRequest;
import org.zkplatform.zab.proto.MultiTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.Perms;
import org.zkplatform.zab.proto.SetDataRequest;
import org.zkplatform.zab.proto.SetDataTxn;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.TreeListener;

class RequestPrepTest {

    private static final long SESSION = 7;
    private static final Id ALICE = new Id("digest", "alice:hash");
    private static final List<Acl> ALICE_ONLY = List.of(new Acl(Perms.ALL, ALICE));

    private final DataTree tree = new DataTree();
    /** A minimal policy: world:anyone and exact ids; fixup keeps the list, empty is invalid. */
    private final AccessPolicy access = new AccessPolicy() {
        @Override
        public boolean allowed(List<Acl> acl, int perm, List<Id> ids) {
            return acl.stream().anyMatch(a -> (a.perms() & perm) != 0
                    && (a.id().equals(new Id("world", "anyone")) || ids.contains(a.id())));
        }

        @Override
        public List<Acl> fixup(List<Acl> acl, List<Id> ids) {
            return acl.isEmpty() ? null : acl;
        }
    };
    private final RequestPrep prep = new RequestPrep(tree, access, session -> session == SESSION, false, Clock.system());

    private Transaction write(int type, org.zkplatform.zab.proto.JuteRecord request, Id... ids) {
        return prep.prepare(SESSION, 1, type, request, List.of(ids));
    }

    private static CreateRequest create(String path, int flags, List<Acl> acl) {
        return new CreateRequest(path, new byte[0], acl, flags);
    }

    private static KeeperError errorOf(Transaction txn) {
        assertEquals(OpCode.ERROR, txn.header().type());
        return KeeperError.ofCode(((ErrorTxn) txn.record()).err());
    }

    private void applyAll(Transaction... txns) {
        for (Transaction txn : txns) {
            tree.apply(txn.header(), txn.record(), TreeListener.NONE);
            prep.applied(txn.zxid());
        }
    }

    @Test
    void everyWriteConsumesAZxidEvenWhenItFails() {
        Transaction failed = write(OpCode.DELETE, new DeleteRequest("/missing", -1));
        Transaction created = write(OpCode.CREATE, create("/a", 0, DataTree.OPEN_ACL_UNSAFE));

        assertEquals(KeeperError.NO_NODE, errorOf(failed));
        assertEquals(1, failed.zxid());
        assertEquals(2, created.zxid());
    }

    @Test
    void validatesAgainstTxnsPreparedButNotYetApplied() {
        write(OpCode.CREATE, create("/a", 0, DataTree.OPEN_ACL_UNSAFE));

        assertEquals(KeeperError.NODE_EXISTS, errorOf(write(OpCode.CREATE, create("/a", 0, DataTree.OPEN_ACL_UNSAFE))));
        assertEquals(OpCode.CREATE, write(OpCode.CREATE, create("/a/b", 0, DataTree.OPEN_ACL_UNSAFE)).header().type());
        assertEquals(KeeperError.NOT_EMPTY, errorOf(write(OpCode.DELETE, new DeleteRequest("/a", -1))));
    }

    @Test
    void sequenceNumbersFollowPendingCreates() {
        Transaction first = write(OpCode.CREATE, create("/s-", 2, DataTree.OPEN_ACL_UNSAFE));
        Transaction second = write(OpCode.CREATE, create("/s-", 2, DataTree.OPEN_ACL_UNSAFE));

        assertEquals("/s-0000000000", ((CreateTxn) first.record()).path());
        assertEquals("/s-0000000001", ((CreateTxn) second.record()).path());
        assertEquals(2, ((CreateTxn) second.record()).parentCVersion());
    }

    @Test
    void checksPermissionOnTheParentBeforeTheNodeItself() {
        applyAll(write(OpCode.CREATE, create("/private", 0, ALICE_ONLY), ALICE));

        assertEquals(KeeperError.NO_AUTH, errorOf(write(OpCode.DELETE, new DeleteRequest("/private/missing", -1))));
        assertEquals(KeeperError.NO_NODE, errorOf(write(OpCode.DELETE, new DeleteRequest("/private/missing", -1), ALICE)));
    }

    @Test
    void versionsAreCheckedAndWrapPastMinusOneToZero() {
        applyAll(write(OpCode.CREATE, create("/v", 0, DataTree.OPEN_ACL_UNSAFE)));

        assertEquals(KeeperError.BAD_VERSION, errorOf(write(OpCode.SET_DATA, new SetDataRequest("/v", new byte[0], 3))));
        Transaction set = write(OpCode.SET_DATA, new SetDataRequest("/v", new byte[0], 0));
        assertEquals(1, ((SetDataTxn) set.record()).version());
    }

    @Test
    void refusesBadPathsFlagsAndAcls() {
        assertEquals(KeeperError.BAD_ARGUMENTS, errorOf(write(OpCode.CREATE, create("/.", 0, DataTree.OPEN_ACL_UNSAFE))));
        assertEquals(KeeperError.NO_NODE, errorOf(write(OpCode.CREATE, create("/a/../b", 0, DataTree.OPEN_ACL_UNSAFE))),
                "the missing parent is found before the path is checked, as in ZooKeeper");
        assertEquals(KeeperError.BAD_ARGUMENTS, errorOf(write(OpCode.CREATE, create("/a", 9, DataTree.OPEN_ACL_UNSAFE))));
        assertEquals(KeeperError.INVALID_ACL, errorOf(write(OpCode.CREATE, create("/a", 0, List.of()))));
        assertEquals(KeeperError.UNIMPLEMENTED, errorOf(write(OpCode.CREATE, create("/a", 5, DataTree.OPEN_ACL_UNSAFE))),
                "TTL nodes are off unless extended types are enabled");
        assertEquals(KeeperError.BAD_ARGUMENTS, errorOf(write(OpCode.DELETE, new DeleteRequest("/zookeeper", -1))));
    }

    @Test
    void ephemeralsCannotHaveChildren() {
        applyAll(write(OpCode.CREATE, create("/e", 1, DataTree.OPEN_ACL_UNSAFE)));
        assertEquals(KeeperError.NO_CHILDREN_FOR_EPHEMERALS,
                errorOf(write(OpCode.CREATE, create("/e/c", 0, DataTree.OPEN_ACL_UNSAFE))));
    }

    @Test
    void aClosingSessionCannotWrite() {
        Transaction txn = prep.prepare(99, 1, OpCode.CREATE, create("/x", 0, DataTree.OPEN_ACL_UNSAFE), List.of());
        assertEquals(KeeperError.SESSION_EXPIRED, errorOf(txn));
    }

    @Test
    void aFailedMultiLeavesNoPendingChangesBehind() throws Exception {
        MultiRequest multi = new MultiRequest(List.of(
                new MultiOp.Create(OpCode.CREATE, create("/m", 0, DataTree.OPEN_ACL_UNSAFE)),
                new MultiOp.Delete(new DeleteRequest("/missing", -1)),
                new MultiOp.Create(OpCode.CREATE, create("/n", 0, DataTree.OPEN_ACL_UNSAFE))));

        Transaction txn = write(OpCode.MULTI, multi);

        MultiTxn record = (MultiTxn) txn.record();
        assertEquals(List.of(OpCode.CREATE, OpCode.ERROR, OpCode.ERROR),
                record.txns().stream().map(t -> t.type()).toList());
        assertEquals(KeeperError.RUNTIME_INCONSISTENCY.code(),
                ErrorTxn.read(new JuteInput(record.txns().get(2).data())).err());
        // /m was rolled back, so creating it again is fine.
        assertEquals(OpCode.CREATE, write(OpCode.CREATE, create("/m", 0, DataTree.OPEN_ACL_UNSAFE)).header().type());
    }

    @Test
    void closeSessionListsEphemeralsIncludingPendingOnes() {
        applyAll(write(OpCode.CREATE, create("/e1", 1, DataTree.OPEN_ACL_UNSAFE)));
        write(OpCode.CREATE, create("/e2", 1, DataTree.OPEN_ACL_UNSAFE));

        Transaction close = prep.closeSession(SESSION, 5);

        List<String> paths = ((org.zkplatform.zab.proto.CloseSessionTxn) close.record()).paths2Delete();
        assertEquals(2, paths.size());
        assertEquals(java.util.Set.of("/e1", "/e2"), java.util.Set.copyOf(paths));
    }
}
