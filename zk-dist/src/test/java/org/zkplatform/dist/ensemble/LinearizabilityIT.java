package org.zkplatform.dist.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.testkit.linearizability.CasRegisterModel;
import org.zkplatform.testkit.linearizability.CheckResult;
import org.zkplatform.testkit.linearizability.HistoryRecorder;
import org.zkplatform.testkit.linearizability.LinearizabilityChecker;
import org.zkplatform.testkit.linearizability.Operation;
import org.zkplatform.testkit.linearizability.SessionOrderCheck;
import org.zkplatform.testkit.linearizability.Verdict;
import org.zkplatform.testkit.linearizability.ZnodeOp;
import org.zkplatform.testkit.linearizability.ZnodeResult;
import org.zkplatform.testkit.linearizability.ZnodeState;
import org.zkplatform.dist.linearizability.ZooKeeperOutcomes;

/**
 * Clients run compare-and-set registers through every server of a 3-server ensemble while
 * servers are killed, frozen past their timeouts and restarted. The writes of the recorded
 * history, with a read of each znode through each server at the end, must be linearizable; each
 * session's reads must never go back; every server must end with the same tree.
 *
 * <p>Reads during the run are left out of the linearizability check on purpose: ZooKeeper lets a
 * follower serve a stale read, and promises only session order for them.
 */
class LinearizabilityIT {

    private static final int CLIENTS = 5;
    private static final int MAX_OPS_PER_CLIENT = 2_000;
    private static final long LOAD_MILLIS = 30_000;
    private static final int FAULTS = 5;
    private static final int SESSION_TIMEOUT_MS = 6_000;
    /** Deletes only on the first two keys: the session order check needs keys that are never deleted. */
    private static final List<String> KEYS =
            List.of("/lin/k0", "/lin/k1", "/lin/k2", "/lin/k3", "/lin/k4", "/lin/k5", "/lin/k6", "/lin/k7");
    private static final int DELETED_KEYS = 2;

    @TempDir
    Path dir;

    private final HistoryRecorder<ZnodeOp, ZnodeResult> recorder = new HistoryRecorder<>();

    @Test
    void casRegistersStayLinearizableThroughCrashesAndFreezes() throws Exception {
        long seed = Long.getLong("ensemble.seed", System.currentTimeMillis());
        String replay = "seed " + seed + " (-Densemble.seed=" + seed + ")";
        Random random = new Random(seed);
        try (Ensemble ensemble = new Ensemble(dir, 3, 0); Clients clients = new Clients()) {
            ensemble.startAll();
            ensemble.awaitLeader();
            clients.connect(ensemble.connectString()).create("/lin", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Worker worker = new Worker(i, rotated(ensemble, i), new Random(seed + i + 1), deadline);
                workers.add(pool.submit(worker::run));
            }
            List<String> faults = injectFaults(ensemble, random, deadline);
            int acknowledged = 0;
            for (Future<Integer> worker : workers) {
                acknowledged += worker.get(LOAD_MILLIS + 120_000, TimeUnit.MILLISECONDS);
            }
            pool.shutdown();

            ensemble.awaitLeader();
            TreeImages.assertAllEqual(ensemble, List.of(1, 2, 3));
            readEveryKeyThroughEveryServer(ensemble, clients);

            List<Operation<ZnodeOp, ZnodeResult>> history = recorder.history();
            long unknown = history.stream().filter(op -> op.result().isEmpty()).count();
            System.out.printf("%s: %d operations, %d answered, %d of unknown outcome; faults: %s%n", replay,
                    history.size(), acknowledged, unknown, faults);
            assertTrue(faults.size() >= 3, "only " + faults.size() + " faults injected");
            assertTrue(acknowledged >= 200, "only " + acknowledged + " operations answered; " + replay);
            List<Operation<ZnodeOp, ZnodeResult>> writesAndFinalReads = history.stream()
                    .filter(Predicate.not(op -> op.op() instanceof ZnodeOp.Read && op.process().startsWith("c")))
                    .toList();
            CheckResult<ZnodeState, ZnodeOp, ZnodeResult> linearizable =
                    new LinearizabilityChecker<>(new CasRegisterModel()).check(writesAndFinalReads);
            assertEquals(Verdict.LINEARIZABLE, linearizable.verdict(), () -> replay + "\n" + linearizable.describe());
            SessionOrderCheck.Result sessionOrder = SessionOrderCheck.check(history);
            assertTrue(sessionOrder.ok(), () -> replay + "\n" + sessionOrder.violations().stream()
                    .map(SessionOrderCheck.Violation::describe).toList());
        }
    }

    /** The ensemble's connect string starting at server {@code i % 3 + 1}: clients spread over all servers. */
    private static String rotated(Ensemble ensemble, int i) {
        List<String> servers = new ArrayList<>(List.of(ensemble.connectString().split(",")));
        Collections.rotate(servers, -(i % servers.size()));
        return String.join(",", servers);
    }

    /**
     * Until the deadline, {@link #FAULTS} times: kill -9 a server (the leader half the time) and
     * restart it, or freeze one (SIGSTOP) for longer than syncLimit and let it go on.
     */
    private static List<String> injectFaults(Ensemble ensemble, Random random, long deadline) throws Exception {
        List<String> faults = new ArrayList<>();
        long pause = TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS) / (FAULTS + 1);
        for (int fault = 0; fault < FAULTS && System.nanoTime() + pause < deadline; fault++) {
            TimeUnit.NANOSECONDS.sleep(pause);
            int leader = ensemble.awaitLeader();
            int victim = random.nextBoolean() ? leader : 1 + random.nextInt(3);
            if (random.nextBoolean()) {
                ensemble.kill(victim);
                faults.add("kill -9 " + victim + (victim == leader ? " (leader)" : ""));
                Thread.sleep(500 + random.nextInt(2000));
                ensemble.start(victim);
            } else {
                ensemble.signal(victim, "STOP");
                faults.add("freeze " + victim + (victim == leader ? " (leader)" : ""));
                Thread.sleep(Ensemble.TICK_MS * 6L + random.nextInt(2000));
                ensemble.signal(victim, "CONT");
            }
        }
        return faults;
    }

    /** After the faults: a read of each znode through each server after a sync, as process "final-N". */
    private void readEveryKeyThroughEveryServer(Ensemble ensemble, Clients clients) throws Exception {
        for (Ensemble.Member member : ensemble.members()) {
            ZooKeeper zk = clients.connect(ensemble.connectString(member.id()));
            Clients.sync(zk, "/lin");
            for (String key : KEYS) {
                HistoryRecorder.Handle<ZnodeOp> handle = recorder.invoke("final-" + member.id(), new ZnodeOp.Read(key));
                try {
                    Stat stat = new Stat();
                    byte[] data = zk.getData(key, false, stat);
                    recorder.ok(handle, ZooKeeperOutcomes.data(data, stat));
                } catch (KeeperException e) {
                    ZooKeeperOutcomes.recordError(recorder, handle, e);
                }
            }
        }
    }

    /** One client: random operations on the keys until the deadline, a new session whenever one expires. */
    private final class Worker {

        private final int index;
        private final String connectString;
        private final Random random;
        private final long deadline;
        private final int[] lastVersion = new int[KEYS.size()];

        Worker(int index, String connectString, Random random, long deadline) {
            this.index = index;
            this.connectString = connectString;
            this.random = random;
            this.deadline = deadline;
        }

        /** Returns how many operations got an answer (a result or a definite error). */
        int run() throws InterruptedException {
            int answered = 0;
            int session = 0;
            try (Clients clients = new Clients()) {
                ZooKeeper zk = clients.connect(connectString, SESSION_TIMEOUT_MS);
                for (int ops = 0; ops < MAX_OPS_PER_CLIENT && System.nanoTime() < deadline; ops++) {
                    int k = random.nextInt(KEYS.size());
                    // Paced, so the load spans the faults and the history stays small enough to check.
                    Thread.sleep(5 + random.nextInt(20));
                    ZnodeOp op = nextOp(k);
                    HistoryRecorder.Handle<ZnodeOp> handle = recorder.invoke("c" + index + "." + session, op);
                    try {
                        ZnodeResult result = execute(zk, op, k);
                        recorder.ok(handle, result);
                        answered++;
                    } catch (KeeperException e) {
                        ZooKeeperOutcomes.recordError(recorder, handle, e);
                        if (ZooKeeperOutcomes.ofError(e.code()).isPresent()) {
                            answered++;
                        } else if (e.code() == KeeperException.Code.SESSIONEXPIRED) {
                            zk.close(1000);
                            zk = clients.connect(connectString, SESSION_TIMEOUT_MS);
                            session++;
                        }
                    }
                }
            }
            return answered;
        }

        private ZnodeOp nextOp(int k) {
            String key = KEYS.get(k);
            int dice = random.nextInt(100);
            if (dice < 30) {
                return new ZnodeOp.Read(key);
            }
            if (dice < 45) {
                return new ZnodeOp.Create(key, value());
            }
            if (dice < 55) {
                return new ZnodeOp.Write(key, value());
            }
            if (dice < 60 && k < DELETED_KEYS) {
                return new ZnodeOp.Delete(key, random.nextBoolean() ? -1 : lastVersion[k]);
            }
            return new ZnodeOp.Cas(key, value(), lastVersion[k]);
        }

        private String value() {
            return "c" + index + "-" + random.nextInt(1_000_000);
        }

        private ZnodeResult execute(ZooKeeper zk, ZnodeOp op, int k) throws KeeperException, InterruptedException {
            ZnodeResult result;
            if (op instanceof ZnodeOp.Read read) {
                Stat stat = new Stat();
                byte[] data = zk.getData(read.path(), false, stat);
                result = ZooKeeperOutcomes.data(data, stat);
            } else if (op instanceof ZnodeOp.Create create) {
                zk.create(create.path(), ZooKeeperOutcomes.bytes(create.value()), Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                result = ZnodeResult.Status.OK;
            } else if (op instanceof ZnodeOp.Write write) {
                result = ZooKeeperOutcomes.updated(zk.setData(write.path(), ZooKeeperOutcomes.bytes(write.value()), -1));
            } else if (op instanceof ZnodeOp.Cas cas) {
                result = ZooKeeperOutcomes.updated(
                        zk.setData(cas.path(), ZooKeeperOutcomes.bytes(cas.value()), cas.expectedVersion()));
            } else {
                ZnodeOp.Delete delete = (ZnodeOp.Delete) op;
                zk.delete(delete.path(), delete.expectedVersion());
                result = ZnodeResult.Status.OK;
            }
            if (result instanceof ZnodeResult.Data data) {
                lastVersion[k] = data.version();
            } else if (result instanceof ZnodeResult.Updated updated) {
                lastVersion[k] = updated.version();
            } else if (op instanceof ZnodeOp.Create || op instanceof ZnodeOp.Delete) {
                lastVersion[k] = 0;
            }
            return result;
        }
    }
}
