package org.zkplatform.dist.cli.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.AuthPacket;
import org.zkplatform.zab.proto.ClientInfo;
import org.zkplatform.zab.proto.Create2Response;
import org.zkplatform.zab.proto.CreateMode;
import org.zkplatform.zab.proto.CreateRequest;
import org.zkplatform.zab.proto.CreateTTLRequest;
import org.zkplatform.zab.proto.DeleteRequest;
import org.zkplatform.zab.proto.ExistsRequest;
import org.zkplatform.zab.proto.ExistsResponse;
import org.zkplatform.zab.proto.GetACLRequest;
import org.zkplatform.zab.proto.GetACLResponse;
import org.zkplatform.zab.proto.GetChildren2Request;
import org.zkplatform.zab.proto.GetChildren2Response;
import org.zkplatform.zab.proto.GetDataRequest;
import org.zkplatform.zab.proto.GetDataResponse;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.SetACLRequest;
import org.zkplatform.zab.proto.SetACLResponse;
import org.zkplatform.zab.proto.SetDataRequest;
import org.zkplatform.zab.proto.SetDataResponse;
import org.zkplatform.zab.proto.Stat;
import org.zkplatform.zab.proto.SyncRequest;
import org.zkplatform.zab.proto.WhoAmIResponse;

/**
 * A small synchronous ZooKeeper client, for {@code bin/zk-cli}: one request at a time from the
 * caller's thread, answered or failed with a {@link ZkException}. It speaks the wire protocol
 * with the server's own records; paths are sent as given (the server checks them).
 *
 * <p>Watches are one-shot, delivered to the listener given to {@link #connect} on the client's
 * reader thread together with changes of the session's state; the listener must not call back
 * into the client.
 */
public final class ZkClient implements AutoCloseable {

    private final ClientSession session;

    private ZkClient(ClientSession session) {
        this.session = session;
    }

    /**
     * Opens a session on the first server of {@code config} that takes one.
     *
     * @throws ConnectionException naming each server and why it could not be reached
     */
    public static ZkClient connect(ClientConfig config, Consumer<WatchEvent> listener) throws ConnectionException {
        Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(listener, "listener is null");
        return new ZkClient(ClientSession.open(config, listener));
    }

    public long sessionId() {
        return session.sessionId();
    }

    /** The session timeout the server granted. */
    public int sessionTimeoutMs() {
        return session.timeoutMs();
    }

    public ClientState state() {
        return session.state();
    }

    /** The server the session is on, or was on last. */
    public HostPort server() {
        return session.server();
    }

    /**
     * Creates a node.
     *
     * @param ttlMs for the TTL modes only; else ignored
     * @return the node's path (sequential nodes get a number appended) and stat
     */
    public Create2Response create(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMs)
            throws ZkException {
        JuteRecord request;
        int op;
        if (mode.isTtl()) {
            op = OpCode.CREATE_TTL;
            request = new CreateTTLRequest(path, data, acl, mode.flag(), ttlMs);
        } else {
            op = mode.isContainer() ? OpCode.CREATE_CONTAINER : OpCode.CREATE2;
            request = new CreateRequest(path, data, acl, mode.flag());
        }
        Reply reply = call(op, request, path, null);
        return read(reply, Create2Response::read);
    }

    /** @param version the expected data version, or -1 for any */
    public void delete(String path, int version) throws ZkException {
        call(OpCode.DELETE, new DeleteRequest(path, version), path, null);
    }

    /** The node's stat, or empty if there is no such node; a watch, if asked, waits for either change. */
    public Optional<Stat> exists(String path, boolean watch) throws ZkException {
        Reply reply = session.call(OpCode.EXISTS, new ExistsRequest(path, watch), watch ? path : null);
        int err = reply.header().err();
        if (err == KeeperError.NO_NODE.code()) {
            return Optional.empty();
        }
        check(reply, path);
        return Optional.of(read(reply, ExistsResponse::read).stat());
    }

    public GetDataResponse getData(String path, boolean watch) throws ZkException {
        return read(call(OpCode.GET_DATA, new GetDataRequest(path, watch), path, watch ? path : null),
                GetDataResponse::read);
    }

    /** @param version the expected data version, or -1 for any */
    public Stat setData(String path, byte[] data, int version) throws ZkException {
        return read(call(OpCode.SET_DATA, new SetDataRequest(path, data, version), path, null),
                SetDataResponse::read).stat();
    }

    /** The children (in the server's order) and the node's stat. */
    public GetChildren2Response getChildren(String path, boolean watch) throws ZkException {
        return read(call(OpCode.GET_CHILDREN2, new GetChildren2Request(path, watch), path, watch ? path : null),
                GetChildren2Response::read);
    }

    public GetACLResponse getAcl(String path) throws ZkException {
        return read(call(OpCode.GET_ACL, new GetACLRequest(path), path, null), GetACLResponse::read);
    }

    /** @param version the expected ACL version, or -1 for any */
    public Stat setAcl(String path, List<Acl> acl, int version) throws ZkException {
        return read(call(OpCode.SET_ACL, new SetACLRequest(path, acl, version), path, null),
                SetACLResponse::read).stat();
    }

    /**
     * Adds credentials to the session (and to every connection it moves to).
     *
     * @throws KeeperException {@link KeeperError#AUTH_FAILED} if the server rejects them; the
     *     session goes on without them
     */
    public void addAuth(String scheme, byte[] auth) throws ZkException {
        session.addAuth(new AuthPacket(0, scheme, auth));
    }

    /** Waits until the server this client is connected to has every write the leader had when asked. */
    public void sync(String path) throws ZkException {
        call(OpCode.SYNC, new SyncRequest(path), path, null);
    }

    /** The identities of this connection, as the server sees them. */
    public List<ClientInfo> whoAmI() throws ZkException {
        List<ClientInfo> infos = read(call(OpCode.WHO_AM_I, null, null, null), WhoAmIResponse::read).clientInfo();
        return infos == null ? List.of() : infos;
    }

    /** Closes the session on the server (if connected) and the connection; idempotent. */
    @Override
    public void close() {
        session.close();
    }

    private Reply call(int op, JuteRecord request, String path, String watchPath) throws ZkException {
        Reply reply = session.call(op, request, watchPath);
        check(reply, path);
        return reply;
    }

    private static void check(Reply reply, String path) throws KeeperException {
        int err = reply.header().err();
        if (err != KeeperError.OK.code()) {
            KeeperError code;
            try {
                code = KeeperError.ofCode(err);
            } catch (IllegalArgumentException e) {
                code = KeeperError.SYSTEM_ERROR;
            }
            throw new KeeperException(code, path);
        }
    }

    /** Reads a reply body. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(JuteInput in) throws JuteException;
    }

    private static <T> T read(Reply reply, BodyReader<T> reader) throws ConnectionException {
        try {
            return reader.read(reply.body());
        } catch (JuteException e) {
            throw new ConnectionException("Bad reply from the server: " + e.getMessage());
        }
    }
}
