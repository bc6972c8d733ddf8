package org.zkplatform.dist.linearizability;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.zkplatform.testkit.linearizability.HistoryRecorder;
import org.zkplatform.testkit.linearizability.ZnodeOp;
import org.zkplatform.testkit.linearizability.ZnodeResult;

/**
 * Translates what the Apache ZooKeeper client returns or throws into {@link ZnodeResult}s and
 * records it: the one place that knows ZooKeeper's classes. Data travels as UTF-8 text.
 *
 * <p>Errors are definite or indeterminate. BadVersion, NoNode and NodeExists are decided by the
 * server in order with the other writes: the operation did not take effect, and the error says
 * something about the znode. ConnectionLoss, OperationTimeout, RequestTimeout, SessionExpired and
 * SessionMoved say nothing: the request may have reached the leader and been committed, before or
 * after later operations, or not at all. (SessionExpired is no exception: a write in flight when
 * the session expired may still have been committed.) Any other code is outside the model and
 * refused, so the test notices instead of mis-recording it.
 */
public final class ZooKeeperOutcomes {

    private ZooKeeperOutcomes() {
    }

    /**
     * The definite result an error code stands for, or empty if the outcome is unknown.
     *
     * @throws IllegalArgumentException for a code outside the model (NotEmpty, NoAuth, ...)
     */
    public static Optional<ZnodeResult> ofError(KeeperException.Code code) {
        return switch (code) {
            case BADVERSION -> Optional.of(ZnodeResult.Status.BAD_VERSION);
            case NONODE -> Optional.of(ZnodeResult.Status.NO_NODE);
            case NODEEXISTS -> Optional.of(ZnodeResult.Status.NODE_EXISTS);
            case CONNECTIONLOSS, OPERATIONTIMEOUT, REQUESTTIMEOUT, SESSIONEXPIRED, SESSIONMOVED -> Optional.empty();
            default -> throw new IllegalArgumentException("error code outside the znode model: " + code);
        };
    }

    /**
     * Closes {@code handle} for an operation that threw {@code error}: {@code fail} with the
     * definite result, or {@code info}. A code outside the model throws and leaves the handle
     * open, which the history reads as unknown.
     */
    public static void recordError(HistoryRecorder<ZnodeOp, ZnodeResult> recorder, HistoryRecorder.Handle<ZnodeOp> handle,
            KeeperException error) {
        ofError(error.code()).ifPresentOrElse(result -> recorder.fail(handle, result), () -> recorder.info(handle));
    }

    /** getData's answer. A znode created with null data reads as empty text. */
    public static ZnodeResult.Data data(byte[] data, Stat stat) {
        return new ZnodeResult.Data(data == null ? "" : new String(data, StandardCharsets.UTF_8), stat.getVersion());
    }

    /** setData's answer. */
    public static ZnodeResult.Updated updated(Stat stat) {
        return new ZnodeResult.Updated(stat.getVersion());
    }

    /** A value as the data to send. */
    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
