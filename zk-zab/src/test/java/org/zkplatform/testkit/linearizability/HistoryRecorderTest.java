package org.zkplatform.testkit.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.zkplatform.testkit.linearizability.HistoryRecorder.Handle;
import org.zkplatform.testkit.linearizability.RegisterOp.Read;
import org.zkplatform.testkit.linearizability.RegisterOp.Write;
import org.zkplatform.testkit.linearizability.RegisterResult.Ack;
import org.zkplatform.testkit.linearizability.RegisterResult.Value;

class HistoryRecorderTest {

    private final AtomicLong clock = new AtomicLong();
    private final HistoryRecorder<RegisterOp, RegisterResult> recorder = new HistoryRecorder<>(
            () -> clock.addAndGet(10));

    @Test
    void recordsInvocationsResponsesAndUnknownOutcomes() {
        Handle<RegisterOp> write = recorder.invoke("a", new Write("x", 1));
        Handle<RegisterOp> read = recorder.invoke("b", new Read("x"));
        Handle<RegisterOp> lost = recorder.invoke("c", new Write("x", 2));
        Handle<RegisterOp> hung = recorder.invoke("d", new Write("x", 3));
        recorder.ok(write, Ack.OK);
        recorder.fail(read, new Value(0));
        recorder.info(lost);

        assertEquals(List.of(
                Operation.completed(0, "a", 10, 50, new Write("x", 1), Ack.OK),
                Operation.completed(1, "b", 20, 60, new Read("x"), new Value(0)),
                Operation.indeterminate(2, "c", 30, new Write("x", 2)),
                Operation.indeterminate(3, "d", 40, new Write("x", 3))), recorder.history());
        assertEquals(3, hung.id());
    }

    @Test
    void anOperationIsClosedOnlyOnce() {
        Handle<RegisterOp> write = recorder.invoke("a", new Write("x", 1));
        recorder.info(write);
        assertThrows(IllegalStateException.class, () -> recorder.ok(write, Ack.OK));
        assertThrows(IllegalStateException.class, () -> recorder.info(write));
        assertFalse(recorder.history().get(0).returned());
    }

    @Test
    void concurrentClientsRecordEveryOperationInOrder() throws Exception {
        HistoryRecorder<RegisterOp, RegisterResult> shared = new HistoryRecorder<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                String process = "c" + c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        Handle<RegisterOp> handle = shared.invoke(process, new Write(process, i));
                        if (i % 10 == 0) {
                            shared.info(handle);
                        } else {
                            shared.ok(handle, Ack.OK);
                        }
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Operation<RegisterOp, RegisterResult>> history = shared.history();
        assertEquals(8000, history.size());
        for (int i = 0; i < history.size(); i++) {
            Operation<RegisterOp, RegisterResult> operation = history.get(i);
            assertEquals(i, operation.id());
            assertEquals(((Write) operation.op()).value() % 10 != 0, operation.returned());
            assertTrue(i == 0 || history.get(i - 1).invokedAt() <= operation.invokedAt());
        }
        assertEquals(Verdict.LINEARIZABLE, new LinearizabilityChecker<>(new RegisterModel()).check(history).verdict());
    }
}
