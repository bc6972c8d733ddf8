package org.zkplatform.zab.proto;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jute.Record;
import org.apache.zookeeper.proto.MultiHeader;

/**
 * Every record of the package with a way to make samples of it, to read it, and, where Apache
 * ZooKeeper has the same record in its jute jar, to build Apache's twin of a sample.
 */
final class RecordCatalog {

    /**
     * @param apache builds Apache's twin of a sample, or null if the jute jar has none
     * @param blank an empty Apache record to deserialize into, or null
     */
    record Entry<T extends JuteRecord>(
            String name,
            Class<T> type,
            Function<Samples, T> sample,
            JuteInput.ItemReader<T> reader,
            Function<T, Record> apache,
            Supplier<Record> blank) {

        @Override
        public String toString() {
            return name;
        }
    }

    private RecordCatalog() {
    }

    static List<Entry<?>> all() {
        List<Entry<?>> e = new ArrayList<>();
        // data
        add(e, Stat.class, Samples::stat, Stat::read, Apache::stat, org.apache.zookeeper.data.Stat::new);
        add(e, StatPersisted.class, Samples::statPersisted, StatPersisted::read,
                r -> new org.apache.zookeeper.data.StatPersisted(r.czxid(), r.mzxid(), r.ctime(), r.mtime(),
                        r.version(), r.cversion(), r.aversion(), r.ephemeralOwner(), r.pzxid()),
                org.apache.zookeeper.data.StatPersisted::new);
        add(e, Acl.class, s -> new Acl(s.anInt(), s.id()), Acl::read, Apache::acl, org.apache.zookeeper.data.ACL::new);
        add(e, ClientInfo.class, s -> new ClientInfo(s.string(), s.string()), ClientInfo::read,
                r -> new org.apache.zookeeper.data.ClientInfo(r.authScheme(), r.user()),
                org.apache.zookeeper.data.ClientInfo::new);
        // session
        add(e, ConnectRequest.class,
                s -> new ConnectRequest(s.anInt(), s.aLong(), s.anInt(), s.aLong(), s.bytes(), s.aBoolean(), true),
                ConnectRequest::read,
                r -> new org.apache.zookeeper.proto.ConnectRequest(r.protocolVersion(), r.lastZxidSeen(), r.timeOut(),
                        r.sessionId(), r.passwd(), r.readOnly()),
                org.apache.zookeeper.proto.ConnectRequest::new);
        add(e, "ConnectRequest without readOnly", ConnectRequest.class,
                s -> new ConnectRequest(s.anInt(), s.aLong(), s.anInt(), s.aLong(), s.bytes(), false, false),
                ConnectRequest::read, null, null);
        add(e, ConnectResponse.class,
                s -> new ConnectResponse(s.anInt(), s.anInt(), s.aLong(), s.bytes(), s.aBoolean(), true),
                ConnectResponse::read,
                r -> new org.apache.zookeeper.proto.ConnectResponse(r.protocolVersion(), r.timeOut(), r.sessionId(),
                        r.passwd(), r.readOnly()),
                org.apache.zookeeper.proto.ConnectResponse::new);
        add(e, "ConnectResponse without readOnly", ConnectResponse.class,
                s -> new ConnectResponse(s.anInt(), s.anInt(), s.aLong(), s.bytes(), false, false),
                ConnectResponse::read, null, null);
        add(e, RequestHeader.class, s -> new RequestHeader(s.anInt(), s.anInt()), RequestHeader::read,
                r -> new org.apache.zookeeper.proto.RequestHeader(r.xid(), r.type()),
                org.apache.zookeeper.proto.RequestHeader::new);
        add(e, ReplyHeader.class, s -> new ReplyHeader(s.anInt(), s.aLong(), s.anInt()), ReplyHeader::read,
                r -> new org.apache.zookeeper.proto.ReplyHeader(r.xid(), r.zxid(), r.err()),
                org.apache.zookeeper.proto.ReplyHeader::new);
        add(e, WatcherEvent.class, s -> new WatcherEvent(s.anInt(), s.anInt(), s.string()), WatcherEvent::read,
                r -> new org.apache.zookeeper.proto.WatcherEvent(r.type(), r.state(), r.path()),
                org.apache.zookeeper.proto.WatcherEvent::new);
        add(e, ErrorResponse.class, s -> new ErrorResponse(s.anInt()), ErrorResponse::read,
                r -> new org.apache.zookeeper.proto.ErrorResponse(r.err()),
                org.apache.zookeeper.proto.ErrorResponse::new);
        add(e, org.zkplatform.zab.proto.MultiHeader.class,
                s -> new org.zkplatform.zab.proto.MultiHeader(s.anInt(), s.aBoolean(), s.anInt()),
                org.zkplatform.zab.proto.MultiHeader::read,
                r -> new MultiHeader(r.type(), r.done(), r.err()), MultiHeader::new);
        // requests and responses
        add(e, CreateRequest.class, s -> new CreateRequest(s.string(), s.bytes(), s.acls(), s.anInt()),
                CreateRequest::read,
                r -> new org.apache.zookeeper.proto.CreateRequest(r.path(), r.data(), Apache.acls(r.acl()), r.flags()),
                org.apache.zookeeper.proto.CreateRequest::new);
        add(e, CreateTTLRequest.class,
                s -> new CreateTTLRequest(s.string(), s.bytes(), s.acls(), s.anInt(), s.aLong()),
                CreateTTLRequest::read,
                r -> new org.apache.zookeeper.proto.CreateTTLRequest(r.path(), r.data(), Apache.acls(r.acl()),
                        r.flags(), r.ttl()),
                org.apache.zookeeper.proto.CreateTTLRequest::new);
        add(e, CreateResponse.class, s -> new CreateResponse(s.string()), CreateResponse::read,
                r -> new org.apache.zookeeper.proto.CreateResponse(r.path()),
                org.apache.zookeeper.proto.CreateResponse::new);
        add(e, Create2Response.class, s -> new Create2Response(s.string(), s.stat()), Create2Response::read,
                r -> new org.apache.zookeeper.proto.Create2Response(r.path(), Apache.stat(r.stat())),
                org.apache.zookeeper.proto.Create2Response::new);
        add(e, DeleteRequest.class, s -> new DeleteRequest(s.string(), s.anInt()), DeleteRequest::read,
                r -> new org.apache.zookeeper.proto.DeleteRequest(r.path(), r.version()),
                org.apache.zookeeper.proto.DeleteRequest::new);
        add(e, ExistsRequest.class, s -> new ExistsRequest(s.string(), s.aBoolean()), ExistsRequest::read,
                r -> new org.apache.zookeeper.proto.ExistsRequest(r.path(), r.watch()),
                org.apache.zookeeper.proto.ExistsRequest::new);
        add(e, ExistsResponse.class, s -> new ExistsResponse(s.stat()), ExistsResponse::read,
                r -> new org.apache.zookeeper.proto.ExistsResponse(Apache.stat(r.stat())),
                org.apache.zookeeper.proto.ExistsResponse::new);
        add(e, GetDataRequest.class, s -> new GetDataRequest(s.string(), s.aBoolean()), GetDataRequest::read,
                r -> new org.apache.zookeeper.proto.GetDataRequest(r.path(), r.watch()),
                org.apache.zookeeper.proto.GetDataRequest::new);
        add(e, GetDataResponse.class, s -> new GetDataResponse(s.bytes(), s.stat()), GetDataResponse::read,
                r -> new org.apache.zookeeper.proto.GetDataResponse(r.data(), Apache.stat(r.stat())),
                org.apache.zookeeper.proto.GetDataResponse::new);
        add(e, SetDataRequest.class, s -> new SetDataRequest(s.string(), s.bytes(), s.anInt()), SetDataRequest::read,
                r -> new org.apache.zookeeper.proto.SetDataRequest(r.path(), r.data(), r.version()),
                org.apache.zookeeper.proto.SetDataRequest::new);
        add(e, SetDataResponse.class, s -> new SetDataResponse(s.stat()), SetDataResponse::read,
                r -> new org.apache.zookeeper.proto.SetDataResponse(Apache.stat(r.stat())),
                org.apache.zookeeper.proto.SetDataResponse::new);
        add(e, GetACLRequest.class, s -> new GetACLRequest(s.string()), GetACLRequest::read,
                r -> new org.apache.zookeeper.proto.GetACLRequest(r.path()),
                org.apache.zookeeper.proto.GetACLRequest::new);
        add(e, GetACLResponse.class, s -> new GetACLResponse(s.acls(), s.stat()), GetACLResponse::read,
                r -> new org.apache.zookeeper.proto.GetACLResponse(Apache.acls(r.acl()), Apache.stat(r.stat())),
                org.apache.zookeeper.proto.GetACLResponse::new);
        add(e, SetACLRequest.class, s -> new SetACLRequest(s.string(), s.acls(), s.anInt()), SetACLRequest::read,
                r -> new org.apache.zookeeper.proto.SetACLRequest(r.path(), Apache.acls(r.acl()), r.version()),
                org.apache.zookeeper.proto.SetACLRequest::new);
        add(e, SetACLResponse.class, s -> new SetACLResponse(s.stat()), SetACLResponse::read,
                r -> new org.apache.zookeeper.proto.SetACLResponse(Apache.stat(r.stat())),
                org.apache.zookeeper.proto.SetACLResponse::new);
        add(e, GetChildrenRequest.class, s -> new GetChildrenRequest(s.string(), s.aBoolean()),
                GetChildrenRequest::read,
                r -> new org.apache.zookeeper.proto.GetChildrenRequest(r.path(), r.watch()),
                org.apache.zookeeper.proto.GetChildrenRequest::new);
        add(e, GetChildren2Request.class, s -> new GetChildren2Request(s.string(), s.aBoolean()),
                GetChildren2Request::read,
                r -> new org.apache.zookeeper.proto.GetChildren2Request(r.path(), r.watch()),
                org.apache.zookeeper.proto.GetChildren2Request::new);
        add(e, GetChildrenResponse.class, s -> new GetChildrenResponse(s.strings()), GetChildrenResponse::read,
                r -> new org.apache.zookeeper.proto.GetChildrenResponse(r.children()),
                org.apache.zookeeper.proto.GetChildrenResponse::new);
        add(e, GetChildren2Response.class, s -> new GetChildren2Response(s.strings(), s.stat()),
                GetChildren2Response::read,
                r -> new org.apache.zookeeper.proto.GetChildren2Response(r.children(), Apache.stat(r.stat())),
                org.apache.zookeeper.proto.GetChildren2Response::new);
        add(e, GetAllChildrenNumberRequest.class, s -> new GetAllChildrenNumberRequest(s.string()),
                GetAllChildrenNumberRequest::read,
                r -> new org.apache.zookeeper.proto.GetAllChildrenNumberRequest(r.path()),
                org.apache.zookeeper.proto.GetAllChildrenNumberRequest::new);
        add(e, GetAllChildrenNumberResponse.class, s -> new GetAllChildrenNumberResponse(s.anInt()),
                GetAllChildrenNumberResponse::read,
                r -> new org.apache.zookeeper.proto.GetAllChildrenNumberResponse(r.totalNumber()),
                org.apache.zookeeper.proto.GetAllChildrenNumberResponse::new);
        add(e, GetEphemeralsRequest.class, s -> new GetEphemeralsRequest(s.string()), GetEphemeralsRequest::read,
                r -> new org.apache.zookeeper.proto.GetEphemeralsRequest(r.prefixPath()),
                org.apache.zookeeper.proto.GetEphemeralsRequest::new);
        add(e, GetEphemeralsResponse.class, s -> new GetEphemeralsResponse(s.strings()),
                GetEphemeralsResponse::read,
                r -> new org.apache.zookeeper.proto.GetEphemeralsResponse(r.ephemerals()),
                org.apache.zookeeper.proto.GetEphemeralsResponse::new);
        add(e, SyncRequest.class, s -> new SyncRequest(s.string()), SyncRequest::read,
                r -> new org.apache.zookeeper.proto.SyncRequest(r.path()),
                org.apache.zookeeper.proto.SyncRequest::new);
        add(e, SyncResponse.class, s -> new SyncResponse(s.string()), SyncResponse::read,
                r -> new org.apache.zookeeper.proto.SyncResponse(r.path()),
                org.apache.zookeeper.proto.SyncResponse::new);
        add(e, CheckVersionRequest.class, s -> new CheckVersionRequest(s.string(), s.anInt()),
                CheckVersionRequest::read,
                r -> new org.apache.zookeeper.proto.CheckVersionRequest(r.path(), r.version()),
                org.apache.zookeeper.proto.CheckVersionRequest::new);
        add(e, AuthPacket.class, s -> new AuthPacket(s.anInt(), s.string(), s.bytes()), AuthPacket::read,
                r -> new org.apache.zookeeper.proto.AuthPacket(r.type(), r.scheme(), r.auth()),
                org.apache.zookeeper.proto.AuthPacket::new);
        add(e, SetWatches.class, s -> new SetWatches(s.aLong(), s.strings(), s.strings(), s.strings()),
                SetWatches::read,
                r -> new org.apache.zookeeper.proto.SetWatches(r.relativeZxid(), r.dataWatches(), r.existWatches(),
                        r.childWatches()),
                org.apache.zookeeper.proto.SetWatches::new);
        add(e, SetWatches2.class,
                s -> new SetWatches2(s.aLong(), s.strings(), s.strings(), s.strings(), s.strings(), s.strings()),
                SetWatches2::read,
                r -> new org.apache.zookeeper.proto.SetWatches2(r.relativeZxid(), r.dataWatches(), r.existWatches(),
                        r.childWatches(), r.persistentWatches(), r.persistentRecursiveWatches()),
                org.apache.zookeeper.proto.SetWatches2::new);
        add(e, AddWatchRequest.class, s -> new AddWatchRequest(s.string(), s.anInt()), AddWatchRequest::read,
                r -> new org.apache.zookeeper.proto.AddWatchRequest(r.path(), r.mode()),
                org.apache.zookeeper.proto.AddWatchRequest::new);
        add(e, CheckWatchesRequest.class, s -> new CheckWatchesRequest(s.string(), s.anInt()),
                CheckWatchesRequest::read,
                r -> new org.apache.zookeeper.proto.CheckWatchesRequest(r.path(), r.type()),
                org.apache.zookeeper.proto.CheckWatchesRequest::new);
        add(e, RemoveWatchesRequest.class, s -> new RemoveWatchesRequest(s.string(), s.anInt()),
                RemoveWatchesRequest::read,
                r -> new org.apache.zookeeper.proto.RemoveWatchesRequest(r.path(), r.type()),
                org.apache.zookeeper.proto.RemoveWatchesRequest::new);
        add(e, WhoAmIResponse.class, s -> new WhoAmIResponse(s.clientInfos()), WhoAmIResponse::read,
                r -> new org.apache.zookeeper.proto.WhoAmIResponse(Apache.clientInfos(r.clientInfo())),
                org.apache.zookeeper.proto.WhoAmIResponse::new);
        add(e, ReconfigRequest.class,
                s -> new ReconfigRequest(s.string(), s.string(), s.string(), s.aLong()), ReconfigRequest::read,
                r -> new org.apache.zookeeper.proto.ReconfigRequest(r.joiningServers(), r.leavingServers(),
                        r.newMembers(), r.curConfigId()),
                org.apache.zookeeper.proto.ReconfigRequest::new);
        add(e, GetSASLRequest.class, s -> new GetSASLRequest(s.bytes()), GetSASLRequest::read,
                r -> new org.apache.zookeeper.proto.GetSASLRequest(r.token()),
                org.apache.zookeeper.proto.GetSASLRequest::new);
        add(e, SetSASLResponse.class, s -> new SetSASLResponse(s.bytes()), SetSASLResponse::read,
                r -> new org.apache.zookeeper.proto.SetSASLResponse(r.token()),
                org.apache.zookeeper.proto.SetSASLResponse::new);
        // multi: Apache's MultiOperationRecord and MultiResponse live in the server jar, not jute
        add(e, "MultiRequest (multi)", MultiRequest.class, s -> multi(s, false),
                in -> MultiRequest.read(in, OpCode.MULTI), null, null);
        add(e, "MultiRequest (multiRead)", MultiRequest.class, s -> multi(s, true),
                in -> MultiRequest.read(in, OpCode.MULTI_READ), null, null);
        add(e, MultiResponse.class, RecordCatalog::multiResponse, MultiResponse::read, null, null);
        // txns
        add(e, TxnHeader.class, s -> new TxnHeader(s.aLong(), s.anInt(), s.aLong(), s.aLong(), s.anInt()),
                TxnHeader::read,
                r -> new org.apache.zookeeper.txn.TxnHeader(r.clientId(), r.cxid(), r.zxid(), r.time(), r.type()),
                org.apache.zookeeper.txn.TxnHeader::new);
        add(e, CreateTxn.class, s -> new CreateTxn(s.string(), s.bytes(), s.acls(), s.aBoolean(), s.anInt()),
                CreateTxn::read,
                r -> new org.apache.zookeeper.txn.CreateTxn(r.path(), r.data(), Apache.acls(r.acl()), r.ephemeral(),
                        r.parentCVersion()),
                org.apache.zookeeper.txn.CreateTxn::new);
        add(e, CreateContainerTxn.class,
                s -> new CreateContainerTxn(s.string(), s.bytes(), s.acls(), s.anInt()), CreateContainerTxn::read,
                r -> new org.apache.zookeeper.txn.CreateContainerTxn(r.path(), r.data(), Apache.acls(r.acl()),
                        r.parentCVersion()),
                org.apache.zookeeper.txn.CreateContainerTxn::new);
        add(e, CreateTTLTxn.class,
                s -> new CreateTTLTxn(s.string(), s.bytes(), s.acls(), s.anInt(), s.aLong()), CreateTTLTxn::read,
                r -> new org.apache.zookeeper.txn.CreateTTLTxn(r.path(), r.data(), Apache.acls(r.acl()),
                        r.parentCVersion(), r.ttl()),
                org.apache.zookeeper.txn.CreateTTLTxn::new);
        add(e, DeleteTxn.class, s -> new DeleteTxn(s.string()), DeleteTxn::read,
                r -> new org.apache.zookeeper.txn.DeleteTxn(r.path()), org.apache.zookeeper.txn.DeleteTxn::new);
        add(e, SetDataTxn.class, s -> new SetDataTxn(s.string(), s.bytes(), s.anInt()), SetDataTxn::read,
                r -> new org.apache.zookeeper.txn.SetDataTxn(r.path(), r.data(), r.version()),
                org.apache.zookeeper.txn.SetDataTxn::new);
        add(e, SetACLTxn.class, s -> new SetACLTxn(s.string(), s.acls(), s.anInt()), SetACLTxn::read,
                r -> new org.apache.zookeeper.txn.SetACLTxn(r.path(), Apache.acls(r.acl()), r.version()),
                org.apache.zookeeper.txn.SetACLTxn::new);
        add(e, ErrorTxn.class, s -> new ErrorTxn(s.anInt()), ErrorTxn::read,
                r -> new org.apache.zookeeper.txn.ErrorTxn(r.err()), org.apache.zookeeper.txn.ErrorTxn::new);
        add(e, CreateSessionTxn.class, s -> new CreateSessionTxn(s.anInt()), CreateSessionTxn::read,
                r -> new org.apache.zookeeper.txn.CreateSessionTxn(r.timeOut()),
                org.apache.zookeeper.txn.CreateSessionTxn::new);
        add(e, CloseSessionTxn.class, s -> new CloseSessionTxn(s.strings()), CloseSessionTxn::read,
                r -> new org.apache.zookeeper.txn.CloseSessionTxn(r.paths2Delete()),
                org.apache.zookeeper.txn.CloseSessionTxn::new);
        add(e, CheckVersionTxn.class, s -> new CheckVersionTxn(s.string(), s.anInt()), CheckVersionTxn::read,
                r -> new org.apache.zookeeper.txn.CheckVersionTxn(r.path(), r.version()),
                org.apache.zookeeper.txn.CheckVersionTxn::new);
        add(e, Txn.class, s -> new Txn(s.anInt(), s.bytes()), Txn::read,
                r -> new org.apache.zookeeper.txn.Txn(r.type(), r.data()), org.apache.zookeeper.txn.Txn::new);
        add(e, MultiTxn.class, s -> new MultiTxn(s.txns()), MultiTxn::read,
                r -> new org.apache.zookeeper.txn.MultiTxn(Apache.txns(r.txns())),
                org.apache.zookeeper.txn.MultiTxn::new);
        add(e, TxnDigest.class, s -> new TxnDigest(s.anInt(), s.aLong()), TxnDigest::read,
                r -> new org.apache.zookeeper.txn.TxnDigest(r.version(), r.treeDigest()),
                org.apache.zookeeper.txn.TxnDigest::new);
        // quorum
        add(e, QuorumPacket.class, s -> new QuorumPacket(s.anInt(), s.aLong(), s.bytes(), s.ids()),
                QuorumPacket::read,
                r -> new org.apache.zookeeper.server.quorum.QuorumPacket(r.type(), r.zxid(), r.data(),
                        Apache.ids(r.authinfo())),
                org.apache.zookeeper.server.quorum.QuorumPacket::new);
        add(e, LearnerInfo.class, s -> LearnerInfo.of(s.aLong(), s.anInt(), s.aLong()), LearnerInfo::read,
                r -> new org.apache.zookeeper.server.quorum.LearnerInfo(r.serverId().getAsLong(),
                        r.protocolVersion().getAsInt(), r.configVersion().getAsLong()),
                org.apache.zookeeper.server.quorum.LearnerInfo::new);
        add(e, "LearnerInfo (short)", LearnerInfo.class, RecordCatalog::shortLearnerInfo, LearnerInfo::read,
                null, null);
        return e;
    }

    private static <T extends JuteRecord> void add(List<Entry<?>> entries, Class<T> type, Function<Samples, T> sample,
            JuteInput.ItemReader<T> reader, Function<T, Record> apache, Supplier<Record> blank) {
        add(entries, type.getSimpleName(), type, sample, reader, apache, blank);
    }

    private static <T extends JuteRecord> void add(List<Entry<?>> entries, String name, Class<T> type,
            Function<Samples, T> sample, JuteInput.ItemReader<T> reader, Function<T, Record> apache,
            Supplier<Record> blank) {
        entries.add(new Entry<>(name, type, sample, reader, apache, blank));
    }

    private static MultiRequest multi(Samples s, boolean reads) {
        int n = s.below(6);
        List<MultiOp> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ops.add(reads ? readOp(s) : writeOp(s));
        }
        return new MultiRequest(ops);
    }

    private static MultiOp writeOp(Samples s) {
        switch (s.below(7)) {
            case 0: return new MultiOp.Create(OpCode.CREATE, new CreateRequest(s.string(), s.bytes(), s.acls(), s.anInt()));
            case 1: return new MultiOp.Create(OpCode.CREATE2, new CreateRequest(s.string(), s.bytes(), s.acls(), s.anInt()));
            case 2: return new MultiOp.Create(OpCode.CREATE_CONTAINER, new CreateRequest(s.string(), s.bytes(), s.acls(), 4));
            case 3: return new MultiOp.CreateTtl(new CreateTTLRequest(s.string(), s.bytes(), s.acls(), 5, s.aLong()));
            case 4: return new MultiOp.Delete(new DeleteRequest(s.string(), s.anInt()));
            case 5: return new MultiOp.SetData(new SetDataRequest(s.string(), s.bytes(), s.anInt()));
            default: return new MultiOp.Check(new CheckVersionRequest(s.string(), s.anInt()));
        }
    }

    private static MultiOp readOp(Samples s) {
        return s.aBoolean()
                ? new MultiOp.GetData(new GetDataRequest(s.string(), false))
                : new MultiOp.GetChildren(new GetChildrenRequest(s.string(), false));
    }

    private static MultiResponse multiResponse(Samples s) {
        int n = s.below(8);
        List<MultiResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (s.below(8)) {
                case 0: results.add(new MultiResult.Create(new CreateResponse(s.string()))); break;
                case 1: results.add(new MultiResult.Create2(new Create2Response(s.string(), s.stat()))); break;
                case 2: results.add(new MultiResult.Delete()); break;
                case 3: results.add(new MultiResult.Check()); break;
                case 4: results.add(new MultiResult.SetData(new SetDataResponse(s.stat()))); break;
                case 5: results.add(new MultiResult.GetData(new GetDataResponse(s.bytes(), s.stat()))); break;
                case 6: results.add(new MultiResult.GetChildren(new GetChildrenResponse(s.strings()))); break;
                default: results.add(new MultiResult.Error(s.anInt())); break;
            }
        }
        return new MultiResponse(results);
    }

    private static LearnerInfo shortLearnerInfo(Samples s) {
        switch (s.below(3)) {
            case 0: return new LearnerInfo(OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty());
            case 1: return new LearnerInfo(OptionalLong.of(s.aLong()), OptionalInt.empty(), OptionalLong.empty());
            default: return new LearnerInfo(OptionalLong.of(s.aLong()), OptionalInt.of(s.anInt()), OptionalLong.empty());
        }
    }
}
