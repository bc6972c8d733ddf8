package org.zkplatform.dist.durability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * Checks a recovered tree against the {@link AckLedger}: every acknowledged create is there with
 * its data unless a delete of it was attempted, every acknowledged delete is gone, each counter
 * lies between its highest acknowledged and highest attempted value, and no node appears that
 * was never asked for. Returns the problems found, one line each.
 */
final class LedgerCheck {

    private static final long READ_SECONDS = 60;

    private LedgerCheck() {
    }

    static List<String> problems(ZooKeeper zk, AckLedger ledger) throws KeeperException, InterruptedException {
        List<String> problems = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (String child : zk.getChildren(AckLedger.ROOT, false)) {
            present.add(AckLedger.ROOT + "/" + child);
        }
        Map<String, byte[]> data = readAll(zk, present, problems);

        for (String path : ledger.ackedCreates()) {
            if (ledger.mustExist(path) && !present.contains(path)) {
                problems.add("acknowledged create of " + path + " is lost");
            }
        }
        for (String path : ledger.ackedDeletes()) {
            if (present.contains(path)) {
                problems.add("acknowledged delete of " + path + " is undone");
            }
        }
        Map<String, Long> counters = ledger.ackedCounters();
        for (String path : present) {
            byte[] bytes = data.get(path);
            if (counters.containsKey(path)) {
                checkCounter(path, bytes, counters.get(path), ledger.attemptedCounter(path), problems);
            } else if (!ledger.wasAttempted(path)) {
                problems.add(path + " exists but was never created");
            } else if (bytes != null && !Arrays.equals(bytes, CrashWriter.bytes(path))) {
                problems.add(path + " holds " + text(bytes) + ", not its path");
            }
        }
        for (String path : counters.keySet()) {
            if (!present.contains(path)) {
                problems.add("counter " + path + " is lost");
            }
        }
        return problems;
    }

    private static void checkCounter(String path, byte[] bytes, long acked, long attempted, List<String> problems) {
        long value;
        try {
            value = Long.parseLong(new String(bytes, StandardCharsets.UTF_8));
        } catch (NumberFormatException | NullPointerException e) {
            problems.add("counter " + path + " holds " + text(bytes));
            return;
        }
        if (value < acked) {
            problems.add("counter " + path + " went back to " + value + "; " + acked + " was acknowledged");
        } else if (value > attempted) {
            problems.add("counter " + path + " is " + value + "; at most " + attempted + " was ever set");
        }
    }

    /** Reads every node's data, pipelined (a few thousand nodes in one round trip's time). */
    private static Map<String, byte[]> readAll(ZooKeeper zk, Set<String> paths, List<String> problems)
            throws InterruptedException {
        Map<String, byte[]> data = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(paths.size());
        for (String path : paths) {
            zk.getData(path, false, (rc, p, ctx, bytes, stat) -> {
                if (rc == KeeperException.Code.OK.intValue()) {
                    data.put(p, bytes == null ? new byte[0] : bytes);
                } else {
                    synchronized (failures) {
                        failures.add("reading " + p + " failed: " + KeeperException.Code.get(rc));
                    }
                }
                done.countDown();
            }, null);
        }
        if (!done.await(READ_SECONDS, TimeUnit.SECONDS)) {
            problems.add("reading " + paths.size() + " nodes took over " + READ_SECONDS + "s");
        }
        synchronized (failures) {
            problems.addAll(failures);
        }
        return data;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "nothing" : "'" + new String(bytes, StandardCharsets.UTF_8) + "'";
    }
}
