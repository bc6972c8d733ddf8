package org.zkplatform.dist.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.zkplatform.testkit.linearizability.HistoryRecorder;
import org.zkplatform.testkit.linearizability.HistoryRecorder.Handle;
import org.zkplatform.testkit.linearizability.Operation;
import org.zkplatform.testkit.linearizability.ZnodeOp;
import org.zkplatform.testkit.linearizability.ZnodeResult;
import org.zkplatform.testkit.linearizability.ZnodeResult.Status;

class ZooKeeperOutcomesTest {

    @Test
    void definiteErrorsAreResults() {
        assertEquals(Optional.of(Status.BAD_VERSION), ZooKeeperOutcomes.ofError(Code.BADVERSION));
        assertEquals(Optional.of(Status.NO_NODE), ZooKeeperOutcomes.ofError(Code.NONODE));
        assertEquals(Optional.of(Status.NODE_EXISTS), ZooKeeperOutcomes.ofError(Code.NODEEXISTS));
    }

    @Test
    void lostConnectionsTimeoutsAndSessionEndsLeaveTheOutcomeUnknown() {
        for (Code code : List.of(Code.CONNECTIONLOSS, Code.OPERATIONTIMEOUT, Code.REQUESTTIMEOUT,
                Code.SESSIONEXPIRED, Code.SESSIONMOVED)) {
            assertEquals(Optional.empty(), ZooKeeperOutcomes.ofError(code), code::toString);
        }
    }

    @Test
    void otherCodesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ZooKeeperOutcomes.ofError(Code.NOTEMPTY));
        assertThrows(IllegalArgumentException.class, () -> ZooKeeperOutcomes.ofError(Code.MARSHALLINGERROR));
    }

    @Test
    void recordsErrorsAsFailuresOrUnknownOutcomes() {
        HistoryRecorder<ZnodeOp, ZnodeResult> recorder = new HistoryRecorder<>();
        Handle<ZnodeOp> cas = recorder.invoke("s1", new ZnodeOp.Cas("/k", "v", 3));
        Handle<ZnodeOp> write = recorder.invoke("s1", new ZnodeOp.Write("/k", "w"));
        Handle<ZnodeOp> delete = recorder.invoke("s2", new ZnodeOp.Delete("/k", -1));
        ZooKeeperOutcomes.recordError(recorder, cas, KeeperException.create(Code.BADVERSION, "/k"));
        ZooKeeperOutcomes.recordError(recorder, write, KeeperException.create(Code.SESSIONEXPIRED, "/k"));
        assertThrows(IllegalArgumentException.class,
                () -> ZooKeeperOutcomes.recordError(recorder, delete, KeeperException.create(Code.NOTEMPTY, "/k")));

        List<Operation<ZnodeOp, ZnodeResult>> history = recorder.history();
        assertEquals(Optional.of(Status.BAD_VERSION), history.get(0).result());
        assertFalse(history.get(1).returned());
        assertFalse(history.get(2).returned());
        recorder.info(delete);
    }

    @Test
    void translatesDataAndStats() {
        Stat stat = new Stat();
        stat.setVersion(7);
        assertEquals(new ZnodeResult.Data("héllo", 7), ZooKeeperOutcomes.data(ZooKeeperOutcomes.bytes("héllo"), stat));
        assertEquals(new ZnodeResult.Data("", 7), ZooKeeperOutcomes.data(null, stat));
        assertEquals(new ZnodeResult.Updated(7), ZooKeeperOutcomes.updated(stat));
    }
}
