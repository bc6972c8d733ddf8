package org.zkplatform.dist.bench;

import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The nodes a run works on, under a root of its own: {@code created/} for the create workload
 * and {@code nodes/n-<i>} pre-created for set, get and mixed. Every value is the same bytes.
 */
final class BenchTree {

    private static final int SETUP_IN_FLIGHT = 256;
    private static final long SETUP_LIMIT_SECONDS = 120;

    private final String createdDir;
    private final String[] nodes;
    private final byte[] value;

    private BenchTree(String root, String[] nodes, byte[] value) {
        this.createdDir = root + "/created";
        this.nodes = nodes;
        this.value = value;
    }

    /** Creates the root, {@code created/} and {@code count} nodes of {@code valueBytes} each, pipelined. */
    static BenchTree create(ZooKeeper zk, int count, int valueBytes) throws BenchException, InterruptedException {
        byte[] value = new byte[valueBytes];
        new Random(42).nextBytes(value);
        String root = "/zkbench-" + System.currentTimeMillis();
        String[] nodes = new String[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = root + "/nodes/n-" + i;
        }
        try {
            zk.create(root, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create(root + "/created", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.create(root + "/nodes", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException e) {
            throw new BenchException("cannot create the benchmark root " + root + ": " + e.getMessage());
        }
        createAll(zk, nodes, value);
        return new BenchTree(root, nodes, value);
    }

    /** Creates {@code nodes} (parents first) with {@code value}, pipelined on {@code zk}; any failure is fatal. */
    static void createAll(ZooKeeper zk, String[] nodes, byte[] value) throws BenchException, InterruptedException {
        Semaphore inFlight = new Semaphore(SETUP_IN_FLIGHT);
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETUP_LIMIT_SECONDS);
        for (String node : nodes) {
            if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new BenchException("pre-creating " + nodes.length + " nodes took over " + SETUP_LIMIT_SECONDS + "s");
            }
            zk.create(node, value, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, (rc, path, ctx, name) -> {
                if (rc != KeeperException.Code.OK.intValue()) {
                    failures.merge(String.valueOf(KeeperException.Code.get(rc)), 1, Integer::sum);
                }
                inFlight.release();
            }, null);
        }
        if (!inFlight.tryAcquire(SETUP_IN_FLIGHT, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new BenchException("pre-creating " + nodes.length + " nodes took over " + SETUP_LIMIT_SECONDS + "s");
        }
        if (!failures.isEmpty()) {
            throw new BenchException("pre-creating " + nodes.length + " nodes failed: " + failures);
        }
    }

    String createdDir() {
        return createdDir;
    }

    String randomNode(SplittableRandom random) {
        return nodes[random.nextInt(nodes.length)];
    }

    byte[] value() {
        return value;
    }
}
