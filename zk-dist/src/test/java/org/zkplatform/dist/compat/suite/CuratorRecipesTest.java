package org.zkplatform.dist.compat.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.atomic.AtomicValue;
import org.apache.curator.framework.recipes.atomic.DistributedAtomicLong;
import org.apache.curator.framework.recipes.atomic.PromotedToLock;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.RetryNTimes;

/** Curator 5.9 recipes, which lean on sequential ephemerals, watches, versions and persistent recursive watches. */
class CuratorRecipesTest extends CompatTestBase {

    private static final Duration WAIT = Duration.ofSeconds(ServerFixture.WAIT_SECONDS);

    @CompatTest
    void leaderLatchElectsExactlyOneLeaderAndHandsOverOnClose(ServerFixture server) throws Exception {
        List<LeaderLatch> latches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Not registered for closing: closing each latch's client is enough.
            LeaderLatch latch = new LeaderLatch(server.curator(), "/latch", "participant-" + i);
            latch.start();
            latches.add(latch);
        }

        LeaderLatch first = await().atMost(WAIT).until(() -> soleLeader(latches), leader -> leader != null);
        assertEquals(first.getId(), first.getLeader().getId());

        first.close();
        latches.remove(first);

        LeaderLatch second = await().atMost(WAIT).until(() -> soleLeader(latches), leader -> leader != null);
        assertNotEquals(first.getId(), second.getId());
        for (LeaderLatch latch : latches) {
            await().atMost(WAIT).until(() -> latch.getLeader().getId().equals(second.getId()));
        }
    }

    @CompatTest
    void interProcessMutexLetsOneThreadInAtATime(ServerFixture server) throws Exception {
        int threads = 8;
        int rounds = 10;
        List<CuratorFramework> clients = List.of(server.curator(), server.curator());
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int[] counter = {0};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                InterProcessMutex mutex = new InterProcessMutex(clients.get(t % clients.size()), "/mutex");
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        assertTrue(mutex.acquire(ServerFixture.WAIT_SECONDS, TimeUnit.SECONDS), "lock not acquired");
                        try {
                            if (inside.incrementAndGet() != 1) {
                                overlaps.incrementAndGet();
                            }
                            counter[0]++;
                            inside.decrementAndGet();
                        } finally {
                            mutex.release();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(0, overlaps.get(), "threads inside the lock together");
        assertEquals(threads * rounds, counter[0]); // Future.get() made the workers' writes visible
    }

    @CompatTest
    void distributedAtomicLongCountsEveryIncrement(ServerFixture server) throws Exception {
        int clients = 3;
        int increments = 15;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                DistributedAtomicLong counter = atomicLong(server.curator());
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        assertTrue(counter.increment().succeeded(), "increment failed");
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        AtomicValue<Long> total = atomicLong(server.curator()).get();
        assertTrue(total.succeeded());
        assertEquals(clients * increments, total.postValue());
    }

    @CompatTest
    void curatorCacheSeesCreatesUpdatesAndDeletes(ServerFixture server) throws Exception {
        CuratorFramework writer = server.curator();
        writer.create().forPath("/cache", utf8("root"));
        writer.create().forPath("/cache/existing", utf8("old"));
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        CuratorCache cache = server.register(CuratorCache.build(server.curator(), "/cache"));
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreates(node -> events.add("create " + node.getPath() + " " + text(node.getData())))
                .forChanges((before, after) -> events.add("change " + after.getPath() + " " + text(after.getData())))
                .forDeletes(node -> events.add("delete " + node.getPath()))
                .forInitialized(() -> events.add("initialized"))
                .build());
        cache.start();

        assertEquals(List.of("create /cache root", "create /cache/existing old", "initialized"),
                List.of(take(events), take(events), take(events)).stream().sorted().toList());

        writer.create().creatingParentsIfNeeded().forPath("/cache/a/b", utf8("1"));
        assertEquals("create /cache/a ", take(events));
        assertEquals("create /cache/a/b 1", take(events));
        writer.setData().forPath("/cache/a/b", utf8("2"));
        assertEquals("change /cache/a/b 2", take(events));
        writer.delete().deletingChildrenIfNeeded().forPath("/cache/a");
        assertEquals("delete /cache/a/b", take(events));
        assertEquals("delete /cache/a", take(events));
        assertEquals("old", text(cache.get("/cache/existing").orElseThrow().getData()));
        assertTrue(cache.get("/cache/a").isEmpty());
    }

    private static DistributedAtomicLong atomicLong(CuratorFramework client) {
        RetryNTimes retry = new RetryNTimes(20, 5);
        return new DistributedAtomicLong(client, "/counter", retry,
                PromotedToLock.builder().lockPath("/counter-lock").retryPolicy(retry)
                        .timeout(ServerFixture.WAIT_SECONDS, TimeUnit.SECONDS).build());
    }

    private static String text(byte[] data) {
        return data == null ? "" : new String(data, StandardCharsets.UTF_8);
    }

    private static LeaderLatch soleLeader(List<LeaderLatch> latches) {
        List<LeaderLatch> leaders = latches.stream().filter(LeaderLatch::hasLeadership).toList();
        return leaders.size() == 1 ? leaders.get(0) : null;
    }

    private static String take(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(ServerFixture.WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotEquals(null, event, "no cache event within " + ServerFixture.WAIT_SECONDS + " s");
        return event;
    }
}
