package org.zkplatform.sim;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.zkplatform.testkit.linearizability.Budget;
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
import org.zkplatform.zab.quorum.SimServer;
import org.zkplatform.zab.tree.DataNode;
import org.zkplatform.zab.tree.DataTree;

/**
 * The checks after the ensemble converged: every server holds the same tree and the same sessions;
 * the clients' writes (and their reads after a sync) are linearizable, with the final tree read as
 * the last word, so an acknowledged write that was lost shows; each session read in order; every
 * acknowledged ephemeral of a live session is there and no ephemeral outlives its session; and a
 * watch still set on a live connection has no event owed to it.
 */
final class FinalChecks {

    /**
     * Per key. Steps first, so a seed's verdict does not depend on the machine; the time limit
     * only stops a search whose every step got slow (a history with many operations of unknown
     * outcome fills the memo cache). Running out is no verdict: the run notes it and passes.
     */
    private static final Budget BUDGET = new Budget(500_000, java.time.Duration.ofSeconds(5));

    private final Simulation run;

    FinalChecks(Simulation run) {
        this.run = run;
    }

    void run() {
        SimServer reference = null;
        for (int id = 1; id <= run.serverCount(); id++) {
            if (run.member(id).state() == org.zkplatform.api.election.PeerState.LEADING) {
                reference = run.member(id);
            }
        }
        sameTrees(reference);
        linearizable(reference.tree());
        sessionsReadInOrder();
        ephemerals(reference.tree());
        watches();
    }

    private void sameTrees(SimServer reference) {
        Map<String, String> expected = image(reference.tree());
        for (int id = 1; id <= run.serverCount(); id++) {
            SimServer server = run.member(id);
            Map<String, String> actual = image(server.tree());
            if (!expected.equals(actual)) {
                run.violation("server " + id + "'s tree differs from the leader " + reference.id() + "'s at zxid 0x"
                        + Long.toHexString(server.lastZxid()) + ": " + firstDifference(expected, actual));
            }
        }
    }

    /** The tree as text, one entry per node and per session, independent of how it was built. */
    static Map<String, String> image(DataTree tree) {
        Map<String, String> image = new TreeMap<>();
        try {
            tree.walk((path, data, acl, stat) -> image.put(path, (data == null ? "null" : new String(data,
                    java.nio.charset.StandardCharsets.UTF_8)) + " " + stat + " " + acl));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        tree.sessions().forEach((id, timeout) -> image.put("session 0x" + Long.toHexString(id), timeout.toString()));
        return image;
    }

    private static String firstDifference(Map<String, String> expected, Map<String, String> actual) {
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            String other = actual.get(entry.getKey());
            if (!entry.getValue().equals(other)) {
                return entry.getKey() + " is " + (other == null ? "missing" : other) + ", the leader has " + entry.getValue();
            }
        }
        for (String key : actual.keySet()) {
            if (!expected.containsKey(key)) {
                return key + " is there and not on the leader";
            }
        }
        return "?";
    }

    private void linearizable(DataTree finalTree) {
        HistoryRecorder<ZnodeOp, ZnodeResult> history = run.linHistory;
        for (int k = 0; k < Simulation.KEYS; k++) {
            String key = "/k" + k;
            HistoryRecorder.Handle<ZnodeOp> read = history.invoke("final", new ZnodeOp.Read(key));
            DataNode node = finalTree.node(key);
            if (node == null) {
                history.ok(read, ZnodeResult.Status.NO_NODE);
            } else {
                history.ok(read, new ZnodeResult.Data(new String(node.data(), java.nio.charset.StandardCharsets.UTF_8),
                        node.stat().version()));
            }
        }
        List<Operation<ZnodeOp, ZnodeResult>> ops = history.history();
        CheckResult<ZnodeState, ZnodeOp, ZnodeResult> result =
                new LinearizabilityChecker<>(new CasRegisterModel(), BUDGET).check(ops);
        if (result.verdict() == Verdict.NOT_LINEARIZABLE) {
            run.violation("the clients' history of " + ops.size() + " operations is not linearizable: "
                    + result.describe());
        } else if (result.verdict() == Verdict.UNKNOWN) {
            run.linearizabilityUndecided();
            run.note("the linearizability check ran out of budget: " + result.describe());
        }
    }

    private void sessionsReadInOrder() {
        SessionOrderCheck.Result result = SessionOrderCheck.check(run.sessionHistory.history());
        for (SessionOrderCheck.Violation violation : result.violations()) {
            run.violation("session order: " + violation.describe());
        }
    }

    private void ephemerals(DataTree tree) {
        Set<Long> sessions = tree.sessions().keySet();
        tree.allEphemerals().forEach((owner, paths) -> {
            if (!sessions.contains(owner)) {
                run.violation("ephemerals " + paths + " outlive their session 0x" + Long.toHexString(owner));
            }
        });
        for (SimClient client : run.clients) {
            if (!client.connected()) {
                continue;
            }
            client.ephemerals().forEach((path, session) -> {
                DataNode node = tree.node(path);
                if (session == client.sessionId() && (node == null || node.stat().ephemeralOwner() != session)) {
                    run.violation("client " + client.index() + "'s acknowledged ephemeral " + path + " of its live session 0x"
                            + Long.toHexString(session) + " is " + (node == null ? "gone" : "owned by another"));
                }
            });
        }
    }

    private void watches() {
        for (SimClient client : run.clients) {
            if (!client.connected() || !run.member(client.server()).isUp()) {
                continue;
            }
            DataTree tree = run.member(client.server()).tree();
            client.watchesSet().forEach((path, mzxid) -> {
                DataNode node = tree.node(path);
                if (node == null || node.stat().mzxid() > mzxid) {
                    run.violation("client " + client.index() + " never got the event of its watch on " + path
                            + " (set at mzxid 0x" + Long.toHexString(mzxid) + ") though server " + client.server()
                            + " has it " + (node == null ? "deleted" : "changed at 0x" + Long.toHexString(node.stat().mzxid())));
                }
            });
        }
    }
}
