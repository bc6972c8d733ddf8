package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;

/** A watcher that records node events and connection-state changes separately, for assertions. */
final class EventRecorder implements Watcher {

    private final BlockingQueue<WatchedEvent> nodeEvents = new LinkedBlockingQueue<>();
    private final BlockingQueue<KeeperState> states = new LinkedBlockingQueue<>();

    @Override
    public void process(WatchedEvent event) {
        if (event.getType() == EventType.None) {
            states.add(event.getState());
        } else {
            nodeEvents.add(event);
        }
    }

    /** Takes the next node event and checks its type and path. */
    void expect(EventType type, String path) {
        WatchedEvent event = poll();
        assertEquals(type + " " + path, event.getType() + " " + event.getPath(), "node event");
    }

    /** Takes the next node event. */
    WatchedEvent next() {
        return poll();
    }

    /** Waits for the given connection state, skipping others. */
    void awaitState(KeeperState expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ServerFixture.WAIT_SECONDS);
        List<KeeperState> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            KeeperState state = take(states, deadline);
            if (state == expected) {
                return;
            }
            if (state != null) {
                seen.add(state);
            }
        }
        throw new AssertionError("no " + expected + " state; saw " + seen);
    }

    /**
     * Checks that no node event is pending. A server queues a notification before the reply to any
     * later request of the session, and the client delivers both in order on its event thread, so
     * after the reply to an asynchronous request has been handled every due event has been recorded.
     */
    void assertNoMoreEvents(ZooKeeper zk) throws InterruptedException {
        CountDownLatch replied = new CountDownLatch(1);
        zk.exists("/", false, (rc, path, ctx, stat) -> replied.countDown(), null);
        assertTrue(replied.await(ServerFixture.WAIT_SECONDS, TimeUnit.SECONDS), "no reply to exists(/)");
        assertEquals(List.of(), new ArrayList<>(nodeEvents), "unexpected node events");
    }

    private WatchedEvent poll() {
        try {
            WatchedEvent event = nodeEvents.poll(ServerFixture.WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(event, "no node event within " + ServerFixture.WAIT_SECONDS + " s");
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T take(BlockingQueue<T> queue, long deadlineNanos) {
        try {
            return queue.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
