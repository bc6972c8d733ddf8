package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.CreateRequest;

/** Timeout negotiation, resuming a session, expiry and close. */
class SessionTest extends CompatTestBase {

    private static final int TICK_MS = 200;
    private static final long SESSION_PASSWORD_SEED = 0xB3415C00L;

    @CompatTest
    void negotiatedTimeoutIsClampedToTwoToTwentyTicks(ServerFixture server) {
        // Default tickTime 2000 ms: timeouts from 4 s to 40 s.
        assertEquals(4_000, server.rawSession(1).negotiatedTimeout());
        assertEquals(10_000, server.rawSession(10_000).negotiatedTimeout());
        assertEquals(40_000, server.rawSession(600_000).negotiatedTimeout());
    }

    @CompatTest
    void clientReportsTheNegotiatedTimeout(ServerFixture server) throws Exception {
        EventRecorder connection = new EventRecorder();
        ZooKeeper zk = server.unconnectedClient(600_000, connection);

        connection.awaitState(KeeperState.SyncConnected);

        assertEquals(40_000, zk.getSessionTimeout());
    }

    @CompatTest
    void sessionPasswordIsDerivedFromTheSessionId(ServerFixture server) {
        ZooKeeper first = server.client();
        ZooKeeper second = server.client();

        assertNotEquals(first.getSessionId(), second.getSessionId());
        // Every server recomputes the password from the id, so a session can move between servers.
        for (ZooKeeper zk : List.of(first, second)) {
            byte[] expected = new byte[16];
            new Random(zk.getSessionId() ^ SESSION_PASSWORD_SEED).nextBytes(expected);
            assertArrayEquals(expected, zk.getSessionPasswd());
        }
    }

    @CompatTest
    void resumingWithIdAndPasswordKeepsTheSessionAndItsEphemerals(ServerFixture server) throws Exception {
        ZooKeeper original = server.client();
        original.create("/e", null, OPEN, CreateMode.EPHEMERAL);
        long sessionId = original.getSessionId();
        byte[] password = original.getSessionPasswd();

        original.getTestable().injectSessionExpiration(); // drops the connection without closing the session

        ZooKeeper resumed = server.resume(sessionId, password, event -> { });

        assertEquals(sessionId, resumed.getSessionId());
        assertEquals(List.of("/e"), resumed.getEphemerals());
        assertEquals(sessionId, resumed.exists("/e", false).getEphemeralOwner());
    }

    @CompatTest
    void resumingWithAWrongPasswordExpires(ServerFixture server) throws Exception {
        ZooKeeper original = server.client();
        original.create("/e", null, OPEN, CreateMode.EPHEMERAL);
        byte[] wrong = original.getSessionPasswd().clone();
        wrong[0] ^= 1;
        EventRecorder connection = new EventRecorder();

        ZooKeeper impostor = server.unconnectedResume(original.getSessionId(), wrong, connection);

        connection.awaitState(KeeperState.Expired);
        assertEquals(ZooKeeper.States.CLOSED, impostor.getState());
        // Apache drops the real owner's connection before it checks the password; the owner reconnects.
        assertEquals(original.getSessionId(), server.client().exists("/e", false).getEphemeralOwner(), "the real session lives on");
    }

    @CompatTest
    void closingASessionRemovesItsEphemeralsAtOnce(ServerFixture server) throws Exception {
        ZooKeeper owner = server.client();
        ZooKeeper watching = server.client();
        owner.create("/p", null, OPEN, CreateMode.PERSISTENT);
        owner.create("/p/e", null, OPEN, CreateMode.EPHEMERAL);
        owner.create("/p/s-", null, OPEN, CreateMode.EPHEMERAL_SEQUENTIAL);
        EventRecorder events = new EventRecorder();
        watching.exists("/p/e", events);
        watching.getChildren("/p", events);

        owner.close();

        assertEquals(List.of(), watching.getChildren("/p", false));
        assertEquals(Set.of(EventType.NodeDeleted + " /p/e", EventType.NodeChildrenChanged + " /p"),
                Set.of(describe(events.next()), describe(events.next())));
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    @WithServerOptions(tickTime = TICK_MS)
    void silentSessionExpiresForGoodAndLosesItsEphemerals(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        RawSession silent = server.rawSession(2 * TICK_MS);
        assertEquals(2 * TICK_MS, silent.negotiatedTimeout());
        assertEquals(0, silent.call(ZooDefs.OpCode.create,
                new CreateRequest("/e", null, OPEN, CreateMode.EPHEMERAL.toFlag())));
        EventRecorder events = new EventRecorder();
        watching.exists("/e", events);
        watching.getChildren("/", events);

        // The raw session never pings: the server expires it and deletes its ephemeral.
        assertEquals(Set.of(EventType.NodeDeleted + " /e", EventType.NodeChildrenChanged + " /"),
                Set.of(describe(events.next()), describe(events.next())));
        assertNull(watching.exists("/e", false));
        assertTrue(silent.closedByServerWithin(Duration.ofSeconds(ServerFixture.WAIT_SECONDS)), "server closes the expired session's connection");

        EventRecorder connection = new EventRecorder();
        server.unconnectedResume(silent.sessionId(), silent.password(), connection);
        connection.awaitState(KeeperState.Expired);
    }

    private static String describe(WatchedEvent event) {
        return event.getType() + " " + event.getPath();
    }
}
