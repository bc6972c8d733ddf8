package org.zkplatform.dist.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/**
 * Writers that create nodes through the whole ensemble (each on its own session, failing over as
 * the client does) and record every create the ensemble acknowledged, with its data.
 */
final class AckedWrites implements AutoCloseable {

    private static final long MAX_WRITES_PER_WRITER = 100_000;

    private final Map<String, byte[]> acked = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> writers = new ArrayList<>();
    private final Clients clients = new Clients();
    private volatile boolean running = true;

    AckedWrites(String connectString, int writerCount) throws Exception {
        ZooKeeper setup = clients.connect(connectString);
        for (int w = 0; w < writerCount; w++) {
            try {
                setup.create("/w" + w, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException e) {
                // from an earlier attempt of this create
            }
            ZooKeeper zk = clients.connect(connectString);
            int writer = w;
            Thread thread = new Thread(() -> write(zk, writer), "writer-" + w);
            thread.setDaemon(true);
            writers.add(thread);
            thread.start();
        }
    }

    private void write(ZooKeeper zk, int writer) {
        for (long i = 0; running && i < MAX_WRITES_PER_WRITER; i++) {
            byte[] data = ByteBuffer.allocate(12).putInt(writer).putLong(i).array();
            String path = "/w" + writer + "/n" + i;
            try {
                zk.create(path, data, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                acked.put(path, data);
                count.incrementAndGet();
            } catch (KeeperException.NodeExistsException e) {
                // An earlier attempt went through but its answer was lost: not acknowledged, not counted.
            } catch (KeeperException e) {
                sleep(50); // connection loss while the ensemble elects: try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code writes} more creates are acknowledged, at most {@code seconds}. */
    void awaitProgress(int writes, long seconds) throws InterruptedException {
        int target = count.get() + writes;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (count.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the ensemble acknowledged " + (count.get() - target + writes) + " of "
                        + writes + " writes in " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    int acknowledged() {
        return count.get();
    }

    void assertAllPresent(Map<String, TreeImages.Node> tree, String replay) {
        for (Map.Entry<String, byte[]> write : acked.entrySet()) {
            TreeImages.Node node = tree.get(write.getKey());
            assertNotNull(node, "acknowledged create of " + write.getKey() + " is lost; " + replay);
            assertArrayEquals(write.getValue(), node.data(), write.getKey() + " has other data; " + replay);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        clients.close();
    }
}
