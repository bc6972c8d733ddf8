package org.zkplatform.zab.server;

import org.zkplatform.zab.proto.AddWatchRequest;
import org.zkplatform.zab.proto.AuthPacket;
import org.zkplatform.zab.proto.CheckVersionRequest;
import org.zkplatform.zab.proto.CheckWatchesRequest;
import org.zkplatform.zab.proto.CreateRequest;
import org.zkplatform.zab.proto.CreateTTLRequest;
import org.zkplatform.zab.proto.DeleteRequest;
import org.zkplatform.zab.proto.ExistsRequest;
import org.zkplatform.zab.proto.GetACLRequest;
import org.zkplatform.zab.proto.GetAllChildrenNumberRequest;
import org.zkplatform.zab.proto.GetChildren2Request;
import org.zkplatform.zab.proto.GetChildrenRequest;
import org.zkplatform.zab.proto.GetDataRequest;
import org.zkplatform.zab.proto.GetEphemeralsRequest;
import org.zkplatform.zab.proto.GetSASLRequest;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.MultiRequest;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.ReconfigRequest;
import org.zkplatform.zab.proto.RemoveWatchesRequest;
import org.zkplatform.zab.proto.SetACLRequest;
import org.zkplatform.zab.proto.SetDataRequest;
import org.zkplatform.zab.proto.SetWatches;
import org.zkplatform.zab.proto.SetWatches2;
import org.zkplatform.zab.proto.SyncRequest;

/** Which request record follows a RequestHeader of each op code. */
public final class RequestDecoder {

    private RequestDecoder() {
    }

    /**
     * Reads the record of an op; null for ops without a body (ping, closeSession, whoAmI).
     *
     * @throws JuteException if the bytes do not hold that record
     */
    public static JuteRecord read(int type, JuteInput in) throws JuteException {
        switch (type) {
            case OpCode.CREATE:
            case OpCode.CREATE2:
            case OpCode.CREATE_CONTAINER:
                return CreateRequest.read(in);
            case OpCode.CREATE_TTL:
                return CreateTTLRequest.read(in);
            case OpCode.DELETE:
                return DeleteRequest.read(in);
            case OpCode.DELETE_CONTAINER:
            case OpCode.SYNC:
                // deleteContainer's body is a buffer path, byte for byte a ustring
                return SyncRequest.read(in);
            case OpCode.EXISTS:
                return ExistsRequest.read(in);
            case OpCode.GET_DATA:
                return GetDataRequest.read(in);
            case OpCode.SET_DATA:
                return SetDataRequest.read(in);
            case OpCode.GET_ACL:
                return GetACLRequest.read(in);
            case OpCode.SET_ACL:
                return SetACLRequest.read(in);
            case OpCode.GET_CHILDREN:
                return GetChildrenRequest.read(in);
            case OpCode.GET_CHILDREN2:
                return GetChildren2Request.read(in);
            case OpCode.CHECK:
                return CheckVersionRequest.read(in);
            case OpCode.MULTI:
            case OpCode.MULTI_READ:
                return MultiRequest.read(in, type);
            case OpCode.RECONFIG:
                return ReconfigRequest.read(in);
            case OpCode.CHECK_WATCHES:
                return CheckWatchesRequest.read(in);
            case OpCode.REMOVE_WATCHES:
                return RemoveWatchesRequest.read(in);
            case OpCode.AUTH:
                return AuthPacket.read(in);
            case OpCode.SET_WATCHES:
                return SetWatches.read(in);
            case OpCode.SET_WATCHES2:
                return SetWatches2.read(in);
            case OpCode.SASL:
                return GetSASLRequest.read(in);
            case OpCode.GET_EPHEMERALS:
                return GetEphemeralsRequest.read(in);
            case OpCode.GET_ALL_CHILDREN_NUMBER:
                return GetAllChildrenNumberRequest.read(in);
            case OpCode.ADD_WATCH:
                return AddWatchRequest.read(in);
            default:
                return null;
        }
    }

    /** Whether an op changes the tree and so becomes a txn. */
    public static boolean isWrite(int type) {
        switch (type) {
            case OpCode.CREATE:
            case OpCode.CREATE2:
            case OpCode.CREATE_CONTAINER:
            case OpCode.CREATE_TTL:
            case OpCode.DELETE:
            case OpCode.DELETE_CONTAINER:
            case OpCode.SET_DATA:
            case OpCode.SET_ACL:
            case OpCode.MULTI:
            case OpCode.RECONFIG:
                return true;
            default:
                return false;
        }
    }
}
