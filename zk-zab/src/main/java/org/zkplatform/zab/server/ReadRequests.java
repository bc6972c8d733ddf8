package org.zkplatform.zab.server;

import java.util.ArrayList;
import java.util.List;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.auth.AclChecker;
import org.zkplatform.zab.auth.AclMasking;
import org.zkplatform.zab.proto.AddWatchRequest;
import org.zkplatform.zab.proto.CheckWatchesRequest;
import org.zkplatform.zab.proto.ClientInfo;
import org.zkplatform.zab.proto.ErrorResponse;
import org.zkplatform.zab.proto.ExistsRequest;
import org.zkplatform.zab.proto.ExistsResponse;
import org.zkplatform.zab.proto.GetACLRequest;
import org.zkplatform.zab.proto.GetACLResponse;
import org.zkplatform.zab.proto.GetAllChildrenNumberRequest;
import org.zkplatform.zab.proto.GetAllChildrenNumberResponse;
import org.zkplatform.zab.proto.GetChildren2Request;
import org.zkplatform.zab.proto.GetChildren2Response;
import org.zkplatform.zab.proto.GetChildrenRequest;
import org.zkplatform.zab.proto.GetChildrenResponse;
import org.zkplatform.zab.proto.GetDataRequest;
import org.zkplatform.zab.proto.GetDataResponse;
import org.zkplatform.zab.proto.GetEphemeralsRequest;
import org.zkplatform.zab.proto.GetEphemeralsResponse;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.MultiOp;
import org.zkplatform.zab.proto.MultiRequest;
import org.zkplatform.zab.proto.MultiResponse;
import org.zkplatform.zab.proto.MultiResult;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.Perms;
import org.zkplatform.zab.proto.RemoveWatchesRequest;
import org.zkplatform.zab.proto.SetWatches;
import org.zkplatform.zab.proto.SetWatches2;
import org.zkplatform.zab.proto.SyncRequest;
import org.zkplatform.zab.proto.SyncResponse;
import org.zkplatform.zab.proto.WhoAmIResponse;
import org.zkplatform.zab.tree.DataNode;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.watch.NodeView;
import org.zkplatform.zab.watch.WatchManager;
import org.zkplatform.zab.watch.WatchNotification;

/**
 * Answers the requests that read (ZooKeeper's FinalRequestProcessor, read side), in its order of
 * checks: a missing node before a permission, a watch only where ZooKeeper sets one.
 */
final class ReadRequests {

    private final DataTree tree;
    private final WatchManager watches;
    private final AclChecker acl;
    private final NodeView nodeView;

    ReadRequests(DataTree tree, WatchManager watches, AclChecker acl) {
        this.tree = tree;
        this.watches = watches;
        this.acl = acl;
        this.nodeView = new NodeView() {
            @Override
            public boolean exists(String path) {
                return tree.node(path) != null;
            }

            @Override
            public long mzxid(String path) {
                return tree.node(path).mzxid();
            }

            @Override
            public long pzxid(String path) {
                return tree.node(path).pzxid();
            }
        };
    }

    /**
     * Answers a read. Events that setWatches raises at once go to {@code events} before the reply.
     *
     * @param watcher the id watches are registered under: the connection's
     */
    Reply execute(ClientConnection c, long watcher, int type, JuteRecord record, List<WatchNotification> events) {
        switch (type) {
            case OpCode.EXISTS:
                return exists(c, watcher, (ExistsRequest) record);
            case OpCode.GET_DATA:
                return getData(c, watcher, (GetDataRequest) record);
            case OpCode.GET_ACL:
                return getAcl(c, ((GetACLRequest) record).path());
            case OpCode.GET_CHILDREN: {
                GetChildrenRequest request = (GetChildrenRequest) record;
                return children(c, watcher, request.path(), request.watch(), false);
            }
            case OpCode.GET_CHILDREN2: {
                GetChildren2Request request = (GetChildren2Request) record;
                return children(c, watcher, request.path(), request.watch(), true);
            }
            case OpCode.GET_ALL_CHILDREN_NUMBER:
                return allChildrenNumber(c, ((GetAllChildrenNumberRequest) record).path());
            case OpCode.GET_EPHEMERALS:
                return ephemerals(c, ((GetEphemeralsRequest) record).prefixPath());
            case OpCode.SYNC:
                return Reply.ok(new SyncResponse(((SyncRequest) record).path()));
            case OpCode.MULTI_READ:
                return multiRead(c, watcher, (MultiRequest) record);
            case OpCode.SET_WATCHES: {
                SetWatches w = (SetWatches) record;
                events.addAll(watches.setWatches(w.relativeZxid(), w.dataWatches(), w.existWatches(),
                        w.childWatches(), null, null, watcher, nodeView));
                return Reply.OK_EMPTY;
            }
            case OpCode.SET_WATCHES2: {
                SetWatches2 w = (SetWatches2) record;
                events.addAll(watches.setWatches(w.relativeZxid(), w.dataWatches(), w.existWatches(),
                        w.childWatches(), w.persistentWatches(), w.persistentRecursiveWatches(), watcher, nodeView));
                return Reply.OK_EMPTY;
            }
            case OpCode.ADD_WATCH: {
                AddWatchRequest request = (AddWatchRequest) record;
                watches.addPersistentWatch(request.path(), watcher, request.mode() == 1);
                return Reply.ok(new ErrorResponse(0));
            }
            case OpCode.CHECK_WATCHES: {
                CheckWatchesRequest request = (CheckWatchesRequest) record;
                return watchResult(watches.hasWatches(request.path(), request.type(), watcher));
            }
            case OpCode.REMOVE_WATCHES: {
                RemoveWatchesRequest request = (RemoveWatchesRequest) record;
                return watchResult(watches.removeWatches(request.path(), request.type(), watcher));
            }
            case OpCode.WHO_AM_I:
                return Reply.ok(whoAmI(c));
            default:
                throw new IllegalArgumentException("not a read: " + type);
        }
    }

    private static Reply watchResult(boolean found) {
        return found ? Reply.OK_EMPTY : Reply.error(KeeperError.NO_WATCHER);
    }

    private boolean canRead(ClientConnection c, DataNode node, int perm) {
        return acl.allowed(node.acl(), perm, c.authIds.list());
    }

    private Reply exists(ClientConnection c, long watcher, ExistsRequest request) {
        String path = request.path();
        if (path.indexOf('\0') != -1) {
            return Reply.error(KeeperError.BAD_ARGUMENTS);
        }
        DataNode node = tree.node(path);
        if (node != null && !canRead(c, node, Perms.READ)) {
            return Reply.error(KeeperError.NO_AUTH);
        }
        if (request.watch()) {
            // Set even on a missing node: the watch then fires when it is created.
            watches.addDataWatch(path, watcher);
        }
        return node == null ? Reply.error(KeeperError.NO_NODE) : Reply.ok(new ExistsResponse(node.stat()));
    }

    private Reply getData(ClientConnection c, long watcher, GetDataRequest request) {
        DataNode node = tree.node(request.path());
        if (node == null) {
            return Reply.error(KeeperError.NO_NODE);
        }
        if (!canRead(c, node, Perms.READ)) {
            return Reply.error(KeeperError.NO_AUTH);
        }
        if (request.watch()) {
            watches.addDataWatch(request.path(), watcher);
        }
        return Reply.ok(new GetDataResponse(node.data(), node.stat()));
    }

    private Reply getAcl(ClientConnection c, String path) {
        DataNode node = tree.node(path);
        if (node == null) {
            return Reply.error(KeeperError.NO_NODE);
        }
        if (!canRead(c, node, Perms.READ | Perms.ADMIN)) {
            return Reply.error(KeeperError.NO_AUTH);
        }
        boolean admin = canRead(c, node, Perms.ADMIN);
        return Reply.ok(new GetACLResponse(AclMasking.forReader(node.acl(), admin), node.stat()));
    }

    private Reply children(ClientConnection c, long watcher, String path, boolean watch, boolean withStat) {
        DataNode node = tree.node(path);
        if (node == null) {
            return Reply.error(KeeperError.NO_NODE);
        }
        if (!canRead(c, node, Perms.READ)) {
            return Reply.error(KeeperError.NO_AUTH);
        }
        List<String> children = node.childNames();
        if (watch) {
            watches.addChildWatch(path, watcher);
        }
        return Reply.ok(withStat ? new GetChildren2Response(children, node.stat()) : new GetChildrenResponse(children));
    }

    private Reply allChildrenNumber(ClientConnection c, String path) {
        DataNode node = tree.node(path);
        if (node == null) {
            return Reply.error(KeeperError.NO_NODE);
        }
        if (!canRead(c, node, Perms.READ)) {
            return Reply.error(KeeperError.NO_AUTH);
        }
        return Reply.ok(new GetAllChildrenNumberResponse(tree.allChildrenNumber(path)));
    }

    private Reply ephemerals(ClientConnection c, String prefix) {
        List<String> matching = new ArrayList<>();
        boolean all = prefix == null || prefix.isBlank() || "/".equals(prefix.trim());
        for (String path : tree.ephemerals(c.sessionId)) {
            if (all || path.startsWith(prefix)) {
                matching.add(path);
            }
        }
        return Reply.ok(new GetEphemeralsResponse(matching));
    }

    /** Each op answered on its own: a multiRead never fails as a whole. */
    private Reply multiRead(ClientConnection c, long watcher, MultiRequest request) {
        List<MultiResult> results = new ArrayList<>(request.ops().size());
        for (MultiOp op : request.ops()) {
            if (op instanceof MultiOp.GetData) {
                Reply reply = getData(c, watcher, ((MultiOp.GetData) op).request());
                results.add(reply.error() == KeeperError.OK
                        ? new MultiResult.GetData((GetDataResponse) reply.body())
                        : new MultiResult.Error(reply.error().code()));
            } else {
                GetChildrenRequest get = ((MultiOp.GetChildren) op).request();
                Reply reply = children(c, watcher, get.path(), get.watch(), false);
                results.add(reply.error() == KeeperError.OK
                        ? new MultiResult.GetChildren((GetChildrenResponse) reply.body())
                        : new MultiResult.Error(reply.error().code()));
            }
        }
        return Reply.ok(new MultiResponse(results));
    }

    private static WhoAmIResponse whoAmI(ClientConnection c) {
        List<ClientInfo> infos = new ArrayList<>();
        for (Id id : c.authIds.list()) {
            String user = "digest".equals(id.scheme()) ? id.id().split(":", 2)[0] : id.id();
            infos.add(new ClientInfo(id.scheme(), user));
        }
        return new WhoAmIResponse(infos);
    }
}
