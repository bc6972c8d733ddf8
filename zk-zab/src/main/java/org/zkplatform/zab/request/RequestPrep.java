package org.zkplatform.zab.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.zkplatform.api.auth.Id;
import org.zkplatform.api.time.Clock;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.CheckVersionRequest;
import org.zkplatform.zab.proto.CheckVersionTxn;
import org.zkplatform.zab.proto.CloseSessionTxn;
import org.zkplatform.zab.proto.CreateContainerTxn;
import org.zkplatform.zab.proto.CreateMode;
import org.zkplatform.zab.proto.CreateRequest;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.CreateTTLRequest;
import org.zkplatform.zab.proto.CreateTTLTxn;
import org.zkplatform.zab.proto.CreateTxn;
import org.zkplatform.zab.proto.DeleteRequest;
import org.zkplatform.zab.proto.DeleteTxn;
import org.zkplatform.zab.proto.ErrorTxn;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.MultiOp;
import org.zkplatform.zab.proto.MultiRequest;
import org.zkplatform.zab.proto.MultiTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.Perms;
import org.zkplatform.zab.proto.SetACLRequest;
import org.zkplatform.zab.proto.SetACLTxn;
import org.zkplatform.zab.proto.SetDataRequest;
import org.zkplatform.zab.proto.SetDataTxn;
import org.zkplatform.zab.proto.SyncRequest;
import org.zkplatform.zab.proto.Txn;
import org.zkplatform.zab.proto.TxnHeader;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.EphemeralOwner;

/**
 * Prep: turns each write into the txn that will be logged, assigning zxids in arrival order
 * (ZooKeeper's PrepRequestProcessor). A write that fails validation still becomes a txn (an
 * error txn) and consumes a zxid, as in ZooKeeper, so zxids match a ZooKeeper server's.
 *
 * <p>Not thread-safe: the driver thread owns it.
 */
public final class RequestPrep {

    private final DataTree tree;
    private final PendingChanges pending;
    private final AccessPolicy access;
    private final LongPredicate sessionActive;
    private final boolean extendedTypes;
    private final Clock clock;
    private long lastZxid;

    /**
     * @param sessionActive whether a session may still write (not closing, not expired)
     * @param extendedTypes whether TTL nodes are enabled
     */
    public RequestPrep(DataTree tree, AccessPolicy access, LongPredicate sessionActive, boolean extendedTypes,
                       Clock clock) {
        this.tree = tree;
        this.pending = new PendingChanges(tree);
        this.access = access;
        this.sessionActive = sessionActive;
        this.extendedTypes = extendedTypes;
        this.clock = clock;
        this.lastZxid = tree.lastProcessedZxid();
    }

    /** The zxid of the last txn prepared. */
    public long lastZxid() {
        return lastZxid;
    }

    /** Continues numbering after {@code zxid}: after loading, or at the start of an epoch. */
    public void setLastZxid(long zxid) {
        lastZxid = zxid;
    }

    /** Forgets the pending changes of txns up to {@code zxid}, now applied to the tree. */
    public void applied(long zxid) {
        pending.applied(zxid);
    }

    private TxnHeader header(long sessionId, int cxid, int type) {
        return new TxnHeader(sessionId, cxid, ++lastZxid, clock.currentTimeMillis(), type);
    }

    /**
     * The txn for a client's write. {@code request} is the decoded request record, or null if its
     * bytes could not be decoded (the txn is then a MarshallingError).
     *
     * @param ids the connection's authenticated ids, for ACL checks and fixup
     */
    public Transaction prepare(long sessionId, int cxid, int type, JuteRecord request, List<Id> ids) {
        TxnHeader header = header(sessionId, cxid, type);
        if (request == null) {
            return error(header, KeeperError.MARSHALLING_ERROR);
        }
        try {
            if (type == OpCode.MULTI) {
                return new Transaction(header, multi(header, (MultiRequest) request, ids));
            }
            return new Transaction(header, prepareOne(header, type, request, ids));
        } catch (PrepFailure failure) {
            return error(header, failure.error());
        }
    }

    /** The txn creating a session whose id the session tracker already assigned. */
    public Transaction createSession(long sessionId, int timeoutMs) {
        return new Transaction(header(sessionId, 0, OpCode.CREATE_SESSION), new CreateSessionTxn(timeoutMs));
    }

    /**
     * The txn closing a session, from the client ({@code cxid} its xid) or from expiry (cxid 0),
     * listing the ephemerals it deletes: those in the tree, adjusted by pending txns.
     */
    public Transaction closeSession(long sessionId, int cxid) {
        TxnHeader header = header(sessionId, cxid, OpCode.CLOSE_SESSION);
        Set<String> ephemerals = tree.ephemerals(sessionId);
        for (ChangeRecord change : pendingRecords()) {
            if (!change.exists()) {
                ephemerals.remove(change.path());
            } else if (change.ephemeralOwner() == sessionId) {
                ephemerals.add(change.path());
            }
        }
        for (String path : ephemerals) {
            // ZooKeeper touches the parent's pzxid but not its child count here; so do we.
            ChangeRecord parent = pending.get(DataTree.parentOf(path));
            if (parent != null) {
                pending.add(parent.touched(header.zxid()));
            }
            pending.add(ChangeRecord.deleted(header.zxid(), path));
        }
        return new Transaction(header, new CloseSessionTxn(new ArrayList<>(ephemerals)));
    }

    /** The txn the container reaper submits to delete an empty container or an expired TTL node. */
    public Transaction deleteContainer(String path) {
        TxnHeader header = header(0, 0, OpCode.DELETE_CONTAINER);
        try {
            return new Transaction(header, deleteContainer(header, path));
        } catch (PrepFailure failure) {
            return error(header, failure.error());
        }
    }

    private List<ChangeRecord> pendingRecords() {
        return pending.all();
    }

    private static Transaction error(TxnHeader header, KeeperError error) {
        TxnHeader failed = new TxnHeader(header.clientId(), header.cxid(), header.zxid(), header.time(), OpCode.ERROR);
        return new Transaction(failed, new ErrorTxn(error.code()));
    }

    private JuteRecord prepareOne(TxnHeader header, int type, JuteRecord request, List<Id> ids) throws PrepFailure {
        switch (type) {
            case OpCode.CREATE:
            case OpCode.CREATE2:
            case OpCode.CREATE_CONTAINER: {
                CreateRequest create = (CreateRequest) request;
                return create(header, type, create.path(), create.data(), create.acl(), create.flags(), -1, ids);
            }
            case OpCode.CREATE_TTL: {
                CreateTTLRequest create = (CreateTTLRequest) request;
                return create(header, type, create.path(), create.data(), create.acl(), create.flags(), create.ttl(), ids);
            }
            case OpCode.DELETE:
                return delete(header, (DeleteRequest) request, ids);
            case OpCode.DELETE_CONTAINER:
                return deleteContainer(header, ((SyncRequest) request).path());
            case OpCode.SET_DATA:
                return setData(header, (SetDataRequest) request, ids);
            case OpCode.SET_ACL:
                return setAcl(header, (SetACLRequest) request, ids);
            case OpCode.CHECK:
                return check(header, (CheckVersionRequest) request, ids);
            case OpCode.RECONFIG:
                // Dynamic reconfiguration is disabled, as in a default ZooKeeper.
                throw new PrepFailure(KeeperError.RECONFIG_DISABLED);
            default:
                throw new IllegalArgumentException("not a write: " + type);
        }
    }

    private MultiTxn multi(TxnHeader header, MultiRequest request, List<Id> ids) {
        Map<String, ChangeRecord> before = new HashMap<>();
        for (MultiOp op : request.ops()) {
            String path = pathOf(op);
            remember(before, path);
            int slash = path.lastIndexOf('/');
            if (slash != -1 && path.indexOf('\0') == -1) {
                remember(before, path.substring(0, slash));
            }
        }
        List<Txn> txns = new ArrayList<>(request.ops().size());
        boolean failed = false;
        for (MultiOp op : request.ops()) {
            if (failed) {
                txns.add(errorTxn(KeeperError.RUNTIME_INCONSISTENCY));
                continue;
            }
            try {
                txns.add(new Txn(op.opCode(), prepareOne(header, op.opCode(), op.request(), ids).toByteArray()));
            } catch (PrepFailure failure) {
                failed = true;
                txns.add(errorTxn(failure.error()));
                pending.rollback(header.zxid(), before);
            }
        }
        return new MultiTxn(txns);
    }

    private void remember(Map<String, ChangeRecord> before, String path) {
        ChangeRecord record = pending.pending(path);
        if (record != null) {
            before.put(path, record);
        }
    }

    private static Txn errorTxn(KeeperError error) {
        return new Txn(OpCode.ERROR, new ErrorTxn(error.code()).toByteArray());
    }

    private static String pathOf(MultiOp op) {
        JuteRecord request = op.request();
        if (request instanceof CreateRequest) {
            return ((CreateRequest) request).path();
        } else if (request instanceof CreateTTLRequest) {
            return ((CreateTTLRequest) request).path();
        } else if (request instanceof DeleteRequest) {
            return ((DeleteRequest) request).path();
        } else if (request instanceof SetDataRequest) {
            return ((SetDataRequest) request).path();
        } else if (request instanceof CheckVersionRequest) {
            return ((CheckVersionRequest) request).path();
        }
        throw new IllegalArgumentException("not a write op: " + op.opCode());
    }

    private JuteRecord create(TxnHeader header, int type, String requestedPath, byte[] data, List<Acl> acl, int flags,
                              long ttl, List<Id> ids) throws PrepFailure {
        CreateMode mode = CreateMode.ofFlag(flags).orElseThrow(() -> new PrepFailure(KeeperError.BAD_ARGUMENTS));
        if (mode.isTtl() && !extendedTypes) {
            throw new PrepFailure(KeeperError.UNIMPLEMENTED);
        }
        if (mode.isTtl() ? ttl <= 0 || ttl > EphemeralOwner.MAX_TTL_MILLIS : ttl >= 0) {
            throw new PrepFailure(KeeperError.BAD_ARGUMENTS);
        }
        checkSession(header.clientId());
        int slash = requestedPath.lastIndexOf('/');
        if (slash == -1 || requestedPath.indexOf('\0') != -1) {
            throw new PrepFailure(KeeperError.BAD_ARGUMENTS);
        }
        String parentPath = slash == 0 ? DataTree.ROOT : requestedPath.substring(0, slash);
        List<Acl> fixed = fixup(acl, ids);
        ChangeRecord parent = require(parentPath);
        checkAccess(parent.acl(), Perms.CREATE, ids);
        String path = mode.isSequential()
                ? requestedPath + String.format(Locale.ENGLISH, "%010d", parent.cversion())
                : requestedPath;
        if (!Paths.isValid(path)) {
            throw new PrepFailure(KeeperError.BAD_ARGUMENTS);
        }
        if (pending.get(path) != null) {
            throw new PrepFailure(KeeperError.NODE_EXISTS);
        }
        if (EphemeralOwner.isSession(parent.ephemeralOwner())) {
            throw new PrepFailure(KeeperError.NO_CHILDREN_FOR_EPHEMERALS);
        }
        int newCversion = parent.cversion() + 1;
        JuteRecord txn;
        if (type == OpCode.CREATE_CONTAINER) {
            txn = new CreateContainerTxn(path, data, fixed, newCversion);
        } else if (type == OpCode.CREATE_TTL) {
            txn = new CreateTTLTxn(path, data, fixed, newCversion, ttl);
        } else {
            txn = new CreateTxn(path, data, fixed, mode.isEphemeral(), newCversion);
        }
        long owner = mode.isContainer() ? EphemeralOwner.CONTAINER
                : mode.isTtl() ? EphemeralOwner.ttl(ttl)
                : mode.isEphemeral() ? header.clientId() : 0;
        pending.add(parent.withChild(header.zxid(), newCversion));
        pending.add(ChangeRecord.created(header.zxid(), path, owner, fixed));
        return txn;
    }

    private JuteRecord delete(TxnHeader header, DeleteRequest request, List<Id> ids) throws PrepFailure {
        checkSession(header.clientId());
        String path = request.path();
        String parentPath = parentForDelete(path);
        ChangeRecord parent = require(parentPath);
        checkAccess(parent.acl(), Perms.DELETE, ids);
        ChangeRecord node = require(path);
        nextVersion(node.version(), request.version());
        if (node.childCount() > 0) {
            throw new PrepFailure(KeeperError.NOT_EMPTY);
        }
        recordDelete(header.zxid(), path, parent);
        return new DeleteTxn(path);
    }

    private JuteRecord deleteContainer(TxnHeader header, String path) throws PrepFailure {
        String parentPath = parentForDelete(path);
        ChangeRecord node = require(path);
        if (node.childCount() > 0) {
            throw new PrepFailure(KeeperError.NOT_EMPTY);
        }
        if (EphemeralOwner.isSession(node.ephemeralOwner())) {
            throw new PrepFailure(KeeperError.BAD_VERSION);
        }
        recordDelete(header.zxid(), path, require(parentPath));
        return new DeleteTxn(path);
    }

    private void recordDelete(long zxid, String path, ChangeRecord parent) {
        pending.add(parent.withoutChild(zxid));
        pending.add(ChangeRecord.deleted(zxid, path));
    }

    private static String parentForDelete(String path) throws PrepFailure {
        int slash = path.lastIndexOf('/');
        if (slash == -1 || path.indexOf('\0') != -1 || DataTree.isSpecialPath(path)) {
            throw new PrepFailure(KeeperError.BAD_ARGUMENTS);
        }
        return slash == 0 ? DataTree.ROOT : path.substring(0, slash);
    }

    private JuteRecord setData(TxnHeader header, SetDataRequest request, List<Id> ids) throws PrepFailure {
        checkSession(header.clientId());
        String path = validPath(request.path());
        ChangeRecord node = require(path);
        checkAccess(node.acl(), Perms.WRITE, ids);
        int newVersion = nextVersion(node.version(), request.version());
        pending.add(node.withVersion(header.zxid(), newVersion));
        return new SetDataTxn(path, request.data(), newVersion);
    }

    private JuteRecord setAcl(TxnHeader header, SetACLRequest request, List<Id> ids) throws PrepFailure {
        checkSession(header.clientId());
        String path = validPath(request.path());
        List<Acl> fixed = fixup(request.acl(), ids);
        ChangeRecord node = require(path);
        checkAccess(node.acl(), Perms.ADMIN, ids);
        int newAversion = nextVersion(node.aversion(), request.version());
        pending.add(node.withAcl(header.zxid(), newAversion, fixed));
        return new SetACLTxn(path, fixed, newAversion);
    }

    private JuteRecord check(TxnHeader header, CheckVersionRequest request, List<Id> ids) throws PrepFailure {
        checkSession(header.clientId());
        String path = validPath(request.path());
        ChangeRecord node = require(path);
        checkAccess(node.acl(), Perms.READ, ids);
        return new CheckVersionTxn(path, nextVersion(node.version(), request.version()));
    }

    private void checkSession(long sessionId) throws PrepFailure {
        if (!sessionActive.test(sessionId)) {
            throw new PrepFailure(KeeperError.SESSION_EXPIRED);
        }
    }

    private static String validPath(String path) throws PrepFailure {
        if (!Paths.isValid(path)) {
            throw new PrepFailure(KeeperError.BAD_ARGUMENTS);
        }
        return path;
    }

    private ChangeRecord require(String path) throws PrepFailure {
        ChangeRecord record = pending.get(path);
        if (record == null) {
            throw new PrepFailure(KeeperError.NO_NODE);
        }
        return record;
    }

    private void checkAccess(List<Acl> acl, int perm, List<Id> ids) throws PrepFailure {
        if (!access.allowed(acl, perm, ids)) {
            throw new PrepFailure(KeeperError.NO_AUTH);
        }
    }

    private List<Acl> fixup(List<Acl> acl, List<Id> ids) throws PrepFailure {
        List<Acl> fixed = access.fixup(acl, ids);
        if (fixed == null) {
            throw new PrepFailure(KeeperError.INVALID_ACL);
        }
        return fixed;
    }

    /**
     * ZooKeeper's version check: -1 matches any version; the next version after
     * Integer.MAX_VALUE wraps past -1 (which would mean "any") to 0.
     */
    private static int nextVersion(int current, int expected) throws PrepFailure {
        if (expected != -1 && expected != current) {
            throw new PrepFailure(KeeperError.BAD_VERSION);
        }
        int next = current + 1;
        return next == -1 ? 0 : next;
    }
}
