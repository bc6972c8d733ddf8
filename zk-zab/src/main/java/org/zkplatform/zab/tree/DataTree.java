package org.zkplatform.zab.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.CheckVersionTxn;
import org.zkplatform.zab.proto.CloseSessionTxn;
import org.zkplatform.zab.proto.CreateContainerTxn;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.CreateTTLTxn;
import org.zkplatform.zab.proto.CreateTxn;
import org.zkplatform.zab.proto.DeleteTxn;
import org.zkplatform.zab.proto.ErrorTxn;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.MultiTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.Perms;
import org.zkplatform.zab.proto.SetACLTxn;
import org.zkplatform.zab.proto.SetDataTxn;
import org.zkplatform.zab.proto.StatPersisted;
import org.zkplatform.zab.proto.Txn;
import org.zkplatform.zab.proto.TxnHeader;

/**
 * The znodes, and the rules for applying committed txns to them (ZooKeeper's DataTree). Applying
 * never throws for a txn that no longer fits (a create of an existing node, a delete of a missing
 * one): replay after a fuzzy snapshot meets those, and the result just carries the error.
 *
 * <p>One writer: the driver thread applies txns. One concurrent reader is allowed: a snapshot
 * walking the tree while txns apply ("fuzzy" snapshot, made exact by replaying the log from its
 * start). That reader goes from each node to its children, never through the path table, each
 * node changes under its own lock, and {@link #lastProcessedZxid()} is volatile.
 */
public final class DataTree {

    public static final String ROOT = "/";
    public static final String ZOOKEEPER = "/zookeeper";
    public static final String QUOTA = "/zookeeper/quota";
    public static final String CONFIG = "/zookeeper/config";

    public static final List<Acl> OPEN_ACL_UNSAFE = List.of(new Acl(Perms.ALL, new Id("world", "anyone")));
    public static final List<Acl> READ_ACL_UNSAFE = List.of(new Acl(Perms.READ, new Id("world", "anyone")));

    private final PathTable nodes = new PathTable();
    /** A session's set stays, even empty, until the session closes: as in ZooKeeper, for the same order. */
    private final Map<Long, HashSet<String>> ephemerals = new HashMap<>();
    private final Map<Long, Integer> sessions = new ConcurrentHashMap<>();
    private final Set<String> containers = new HashSet<>();
    private final Set<String> ttls = new HashSet<>();
    private final AclCache aclCache = new AclCache();
    private volatile long lastProcessedZxid;
    private long dataBytes;

    public DataTree() {
        addSystemNode(ROOT, null, OPEN_ACL_UNSAFE);
        addSystemNode(ZOOKEEPER, ROOT, OPEN_ACL_UNSAFE);
        addSystemNode(QUOTA, ZOOKEEPER, OPEN_ACL_UNSAFE);
        addSystemNode(CONFIG, ZOOKEEPER, READ_ACL_UNSAFE);
        // ZooKeeper sets the config node's ACL with version -1 at startup, which leaves aversion -1.
        nodes.get(CONFIG).aversion = -1;
    }

    private void addSystemNode(String path, String parent, List<Acl> acl) {
        DataNode node = new DataNode(path, new byte[0], aclCache.acquire(acl), 0, 0, 0);
        nodes.add(node);
        if (parent != null) {
            nodes.get(parent).addChild(node);
        }
    }

    /** The parent of {@code path}: "/" for a top-level node. */
    public static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? ROOT : path.substring(0, slash);
    }

    /** The nodes clients may not delete. */
    public static boolean isSpecialPath(String path) {
        return ROOT.equals(path) || ZOOKEEPER.equals(path) || QUOTA.equals(path) || CONFIG.equals(path);
    }

    public DataNode node(String path) {
        return nodes.get(path);
    }

    public int nodeCount() {
        return nodes.size();
    }

    public long lastProcessedZxid() {
        return lastProcessedZxid;
    }

    /** Sets where replay resumes, after loading a snapshot taken at {@code zxid}. */
    public void setLastProcessedZxid(long zxid) {
        lastProcessedZxid = zxid;
    }

    /** Bytes of data and paths, as ZooKeeper's approximate data size counts them. */
    public long approximateDataSize() {
        return dataBytes;
    }

    /**
     * A copy of a session's ephemerals. A HashSet on purpose: its iteration order is what ZooKeeper
     * lists them in (closeSession txns, getEphemerals), and clients may see that order.
     */
    @SuppressWarnings("unchecked")
    public Set<String> ephemerals(long sessionId) {
        HashSet<String> paths = ephemerals.get(sessionId);
        // A clone, not a copy: it keeps the original's table size and so its iteration order.
        return paths == null ? new HashSet<>() : (Set<String>) paths.clone();
    }

    /** Every session's ephemerals, by session, for the {@code dump} command. */
    public Map<Long, Set<String>> allEphemerals() {
        Map<Long, Set<String>> copy = new TreeMap<>();
        ephemerals.forEach((session, paths) -> copy.put(session, new HashSet<>(paths)));
        return copy;
    }

    public int ephemeralCount() {
        return ephemerals.values().stream().mapToInt(Set::size).sum();
    }

    /** The sessions created and not yet closed, with their timeouts, as txns left them. */
    public Map<Long, Integer> sessions() {
        return new LinkedHashMap<>(sessions);
    }

    /** Containers, for the container reaper. */
    public Set<String> containers() {
        return new HashSet<>(containers);
    }

    /** TTL nodes, for the reaper. */
    public Set<String> ttlNodes() {
        return new HashSet<>(ttls);
    }

    /** Every node below {@code path}; for "/" all but the root. */
    public int allChildrenNumber(String path) {
        if (ROOT.equals(path)) {
            return nodes.size() - 1;
        }
        String prefix = path + "/";
        int[] count = {0};
        nodes.forEach(node -> {
            if (node.path.startsWith(prefix)) {
                count[0]++;
            }
        });
        return count[0];
    }

    /**
     * Applies a committed txn and returns what it did. {@code listener} hears of each change as
     * it happens.
     */
    public TxnResult apply(TxnHeader header, JuteRecord txn, TreeListener listener) {
        TxnResult result = applyOne(header, header.type(), txn, listener);
        if (header.zxid() > lastProcessedZxid) {
            lastProcessedZxid = header.zxid();
        }
        return result;
    }

    private TxnResult applyOne(TxnHeader header, int type, JuteRecord txn, TreeListener listener) {
        long zxid = header.zxid();
        switch (type) {
            case OpCode.CREATE:
            case OpCode.CREATE2: {
                CreateTxn create = (CreateTxn) txn;
                return createNode(type, create.path(), create.data(), create.acl(),
                        create.ephemeral() ? header.clientId() : 0, create.parentCVersion(), zxid, header.time(),
                        listener);
            }
            case OpCode.CREATE_CONTAINER: {
                CreateContainerTxn create = (CreateContainerTxn) txn;
                return createNode(type, create.path(), create.data(), create.acl(), EphemeralOwner.CONTAINER,
                        create.parentCVersion(), zxid, header.time(), listener);
            }
            case OpCode.CREATE_TTL: {
                CreateTTLTxn create = (CreateTTLTxn) txn;
                return createNode(type, create.path(), create.data(), create.acl(), EphemeralOwner.ttl(create.ttl()),
                        create.parentCVersion(), zxid, header.time(), listener);
            }
            case OpCode.DELETE:
            case OpCode.DELETE_CONTAINER: {
                String path = ((DeleteTxn) txn).path();
                return deleteNode(path, zxid, listener) ? TxnResult.ok(type, path, null)
                        : TxnResult.failed(type, KeeperError.NO_NODE, path);
            }
            case OpCode.SET_DATA:
            case OpCode.RECONFIG: {
                SetDataTxn set = (SetDataTxn) txn;
                return setData(type, set.path(), set.data(), set.version(), zxid, header.time(), listener);
            }
            case OpCode.SET_ACL: {
                SetACLTxn set = (SetACLTxn) txn;
                return setAcl(type, set.path(), set.acl(), set.version());
            }
            case OpCode.CREATE_SESSION:
                sessions.put(header.clientId(), ((CreateSessionTxn) txn).timeOut());
                return TxnResult.ok(type, null, null);
            case OpCode.CLOSE_SESSION:
                killSession(header.clientId(), (CloseSessionTxn) txn, zxid, listener);
                return TxnResult.ok(type, null, null);
            case OpCode.ERROR:
                return TxnResult.failed(type, KeeperError.ofCode(((ErrorTxn) txn).err()), null);
            case OpCode.CHECK:
                return TxnResult.ok(type, ((CheckVersionTxn) txn).path(), null);
            case OpCode.MULTI:
                return applyMulti(header, (MultiTxn) txn, listener);
            default:
                throw new IllegalArgumentException("cannot apply a txn of type " + type);
        }
    }

    /**
     * A multi applies all its ops, or, when one failed at prep (an error sub-txn), none: then the
     * ops before the failure report OK and those after it RuntimeInconsistency.
     */
    private TxnResult applyMulti(TxnHeader header, MultiTxn multi, TreeListener listener) {
        boolean failed = multi.txns().stream().anyMatch(t -> t.type() == OpCode.ERROR);
        List<TxnResult> results = new ArrayList<>(multi.txns().size());
        boolean afterFailure = false;
        KeeperError first = KeeperError.OK;
        for (Txn sub : multi.txns()) {
            TxnResult result;
            if (sub.type() == OpCode.ERROR) {
                afterFailure = true;
                result = TxnResult.failed(OpCode.ERROR, KeeperError.ofCode(decode(sub).err()), null);
            } else if (failed) {
                result = TxnResult.failed(OpCode.ERROR,
                        afterFailure ? KeeperError.RUNTIME_INCONSISTENCY : KeeperError.OK, null);
            } else {
                result = applyOne(header, sub.type(), decodeAny(sub), listener);
            }
            if (first == KeeperError.OK && !result.isOk()) {
                first = result.error();
            }
            results.add(result);
        }
        return new TxnResult(OpCode.MULTI, first, null, null, List.copyOf(results));
    }

    private static ErrorTxn decode(Txn sub) {
        return (ErrorTxn) decodeAny(sub);
    }

    private static JuteRecord decodeAny(Txn sub) {
        try {
            return TxnRecords.read(sub.type(), new JuteInput(sub.data()));
        } catch (JuteException e) {
            throw new IllegalArgumentException("malformed sub-txn of type " + sub.type() + ": " + e.getMessage(), e);
        }
    }

    private TxnResult createNode(int type, String path, byte[] data, List<Acl> acl, long ephemeralOwner, int parentCVersion,
                                 long zxid, long time, TreeListener listener) {
        String parentPath = parentOf(path);
        DataNode parent = nodes.get(parentPath);
        if (parent == null) {
            return TxnResult.failed(type, KeeperError.NO_NODE, path);
        }
        int newCversion = parentCVersion == -1 ? parent.cversion + 1 : parentCVersion;
        DataNode existing = nodes.get(path);
        if (existing != null) {
            // Replay of a create that a fuzzy snapshot already holds: keep the parent's counters up,
            // and take the txn's ACL, which the snapshot may not have been able to record.
            raiseCversion(parent, newCversion, zxid);
            synchronized (existing) {
                aclCache.release(existing.acl);
                existing.acl = aclCache.acquire(acl);
            }
            return TxnResult.failed(type, KeeperError.NODE_EXISTS, path);
        }
        raiseCversion(parent, newCversion, zxid);
        DataNode child = new DataNode(path, data, aclCache.acquire(acl), zxid, time, ephemeralOwner);
        nodes.add(child);
        synchronized (parent) {
            parent.addChild(child);
        }
        dataBytes += path.length() + (data == null ? 0 : data.length);
        if (EphemeralOwner.isContainer(ephemeralOwner)) {
            containers.add(path);
        } else if (EphemeralOwner.isTtl(ephemeralOwner)) {
            ttls.add(path);
        } else if (ephemeralOwner != 0) {
            ephemerals.computeIfAbsent(ephemeralOwner, k -> new HashSet<>()).add(path);
        }
        listener.nodeCreated(path, parentPath);
        return TxnResult.ok(type, path, child.stat());
    }

    /** Only raises: replay must not take a parent's counters back. */
    private static void raiseCversion(DataNode parent, int cversion, long zxid) {
        synchronized (parent) {
            if (cversion > parent.cversion) {
                parent.cversion = cversion;
                parent.pzxid = zxid;
            }
        }
    }

    private boolean deleteNode(String path, long zxid, TreeListener listener) {
        String parentPath = parentOf(path);
        DataNode parent = nodes.get(parentPath);
        if (parent == null) {
            return false;
        }
        DataNode node = nodes.remove(path);
        // ZooKeeper moves the parent's pzxid even when the child is already gone (replay).
        synchronized (parent) {
            if (node != null) {
                parent.removeChild(node);
            }
            if (zxid > parent.pzxid) {
                parent.pzxid = zxid;
            }
        }
        if (node == null) {
            return false;
        }
        aclCache.release(node.acl);
        dataBytes -= path.length() + (node.data == null ? 0 : node.data.length);
        long owner = node.ephemeralOwner;
        if (EphemeralOwner.isContainer(owner)) {
            containers.remove(path);
        } else if (EphemeralOwner.isTtl(owner)) {
            ttls.remove(path);
        } else if (owner != 0) {
            Set<String> paths = ephemerals.get(owner);
            if (paths != null) {
                paths.remove(path);
            }
        }
        listener.nodeDeleted(path, parentPath, node);
        return true;
    }

    private TxnResult setData(int type, String path, byte[] data, int version, long zxid, long time, TreeListener listener) {
        DataNode node = nodes.get(path);
        if (node == null) {
            return TxnResult.failed(type, KeeperError.NO_NODE, path);
        }
        dataBytes += (data == null ? 0 : data.length) - (node.data == null ? 0 : node.data.length);
        synchronized (node) {
            node.data = data;
            node.mtime = time;
            node.mzxid = zxid;
            node.version = version;
        }
        listener.dataChanged(path);
        return TxnResult.ok(type, path, node.stat());
    }

    private TxnResult setAcl(int type, String path, List<Acl> acl, int version) {
        DataNode node = nodes.get(path);
        if (node == null) {
            return TxnResult.failed(type, KeeperError.NO_NODE, path);
        }
        synchronized (node) {
            aclCache.release(node.acl);
            node.acl = aclCache.acquire(acl);
            node.aversion = version;
        }
        return TxnResult.ok(type, path, node.stat());
    }

    /** Deletes the session's ephemerals: those the txn lists, then any the tree still knows. */
    private void killSession(long sessionId, CloseSessionTxn txn, long zxid, TreeListener listener) {
        sessions.remove(sessionId);
        Set<String> known = ephemerals.remove(sessionId);
        List<String> toDelete = new ArrayList<>();
        if (txn != null && txn.paths2Delete() != null) {
            toDelete.addAll(txn.paths2Delete());
        }
        if (known != null) {
            for (String path : known) {
                if (!toDelete.contains(path)) {
                    toDelete.add(path);
                }
            }
        }
        for (String path : toDelete) {
            deleteNode(path, zxid, listener);
        }
    }

    /** Receives the nodes of a {@link #walk}. */
    public interface NodeVisitor {
        void visit(String path, byte[] data, List<Acl> acl, StatPersisted stat) throws java.io.IOException;
    }

    /**
     * Visits every node, each parent before its children, copying each node's state under its
     * lock. Safe while txns are applied: the result is "fuzzy", each node as it was when visited.
     */
    public void walk(NodeVisitor visitor) throws java.io.IOException {
        Deque<DataNode> pending = new ArrayDeque<>();
        pending.push(nodes.get(ROOT));
        while (!pending.isEmpty()) {
            DataNode node = pending.pop();
            byte[] data;
            List<Acl> acl;
            StatPersisted stat;
            List<DataNode> children;
            synchronized (node) {
                data = node.data;
                acl = node.acl;
                stat = node.persistedStat();
                children = node.childNodes();
            }
            visitor.visit(node.path, data, acl, stat);
            for (DataNode child : children) {
                pending.push(child);
            }
        }
    }

    /** The ACLs in use but world:anyone, numbered, as a snapshot's ACL map holds them. */
    public Map<Long, List<Acl>> numberedAcls() {
        return aclCache.numbered();
    }

    /**
     * Puts a node read from a snapshot into a tree that holds only ZooKeeper's own nodes so far.
     * Nodes come in preorder (each parent before its children), which lets the parent be found
     * among the nodes restored last rather than looked up: loading is mostly this method.
     *
     * @throws IllegalArgumentException if the parent is missing: the snapshot is not in preorder
     */
    public void restore(String path, byte[] data, List<Acl> acl, StatPersisted stat) {
        DataNode node = isSpecialPath(path) ? nodes.get(path) : null;
        if (node == null) {
            DataNode parent = restoredParentOf(path);
            if (parent == null) {
                throw new IllegalArgumentException("node " + path + " comes before its parent");
            }
            node = new DataNode(path, data, aclCache.acquire(acl), stat.czxid(), stat.ctime(), stat.ephemeralOwner());
            nodes.add(node);
            parent.addChild(node);
            long owner = stat.ephemeralOwner();
            if (EphemeralOwner.isContainer(owner)) {
                containers.add(path);
            } else if (EphemeralOwner.isTtl(owner)) {
                ttls.add(path);
            } else if (owner != 0) {
                ephemerals.computeIfAbsent(owner, k -> new HashSet<>()).add(path);
            }
            dataBytes += path.length() + (data == null ? 0 : data.length);
        } else {
            aclCache.release(node.acl);
            node.acl = aclCache.acquire(acl);
            dataBytes += (data == null ? 0 : data.length) - (node.data == null ? 0 : node.data.length);
            node.data = data;
        }
        node.czxid = stat.czxid();
        node.mzxid = stat.mzxid();
        node.pzxid = stat.pzxid();
        node.ctime = stat.ctime();
        node.mtime = stat.mtime();
        node.version = stat.version();
        node.cversion = stat.cversion();
        node.aversion = stat.aversion();
        restoring.push(node);
    }

    /** The restored ancestors of the last node restored, nearest first. */
    private final Deque<DataNode> restoring = new ArrayDeque<>();

    private DataNode restoredParentOf(String path) {
        int slash = path.lastIndexOf('/');
        while (!restoring.isEmpty()) {
            String candidate = restoring.peek().path;
            boolean isParent = slash == 0 ? ROOT.equals(candidate)
                    : candidate.length() == slash && path.startsWith(candidate);
            if (isParent) {
                return restoring.peek();
            }
            restoring.pop();
        }
        return nodes.get(parentOf(path));
    }

    /** Forgets the restore bookkeeping once a snapshot is loaded. */
    public void restored() {
        restoring.clear();
    }

    /** Records a session read from a snapshot. */
    public void restoreSession(long sessionId, int timeoutMs) {
        sessions.put(sessionId, timeoutMs);
    }

    /** How many distinct ACLs are in use. */
    public int aclCount() {
        return aclCache.size();
    }
}
