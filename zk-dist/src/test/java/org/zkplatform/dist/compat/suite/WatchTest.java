package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.proto.AddWatchRequest;
import org.apache.zookeeper.proto.CheckWatchesRequest;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.RemoveWatchesRequest;
import org.apache.zookeeper.proto.SetWatches;

/** One-shot and persistent watches, their events and ordering, removal, and re-registration after a reconnect. */
class WatchTest extends CompatTestBase {

    @CompatTest
    void dataWatchFiresOnceOnChange(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        writer.create("/a", null, OPEN, CreateMode.PERSISTENT);
        EventRecorder events = new EventRecorder();

        watching.getData("/a", events, null);
        writer.setData("/a", utf8("1"), -1);
        writer.setData("/a", utf8("2"), -1);

        events.expect(EventType.NodeDataChanged, "/a");
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    void dataWatchFiresNodeDeleted(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        writer.create("/a", null, OPEN, CreateMode.PERSISTENT);
        EventRecorder events = new EventRecorder();

        watching.exists("/a", events);
        writer.delete("/a", -1);

        events.expect(EventType.NodeDeleted, "/a");
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    void existsWatchOnAMissingNodeFiresOnCreation(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        EventRecorder events = new EventRecorder();

        assertNull(watching.exists("/a", events));
        writer.create("/a", null, OPEN, CreateMode.PERSISTENT);
        writer.setData("/a", utf8("x"), -1);

        events.expect(EventType.NodeCreated, "/a");
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    void childWatchFiresOnceForChildChangesOnly(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        writer.create("/p", null, OPEN, CreateMode.PERSISTENT);
        EventRecorder events = new EventRecorder();

        watching.getChildren("/p", events);
        writer.setData("/p", utf8("not a child change"), -1);
        writer.create("/p/a", null, OPEN, CreateMode.PERSISTENT);
        writer.create("/p/b", null, OPEN, CreateMode.PERSISTENT);

        events.expect(EventType.NodeChildrenChanged, "/p");
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    void childWatchOnTheRootNamesTheRoot(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        EventRecorder events = new EventRecorder();

        watching.getChildren("/", events);
        writer.create("/a", null, OPEN, CreateMode.PERSISTENT);

        events.expect(EventType.NodeChildrenChanged, "/");
    }

    @CompatTest
    void deletingANodeFiresNodeDeletedToItsWatchersAndChildrenChangedToItsParent(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        writer.create("/p", null, OPEN, CreateMode.PERSISTENT);
        writer.create("/p/c", null, OPEN, CreateMode.PERSISTENT);
        EventRecorder dataWatch = new EventRecorder();
        EventRecorder childWatchOnNode = new EventRecorder();
        EventRecorder childWatchOnParent = new EventRecorder();

        watching.getData("/p/c", dataWatch, null);
        watching.getChildren("/p/c", childWatchOnNode);
        watching.getChildren("/p", childWatchOnParent);
        writer.delete("/p/c", -1);

        dataWatch.expect(EventType.NodeDeleted, "/p/c");
        childWatchOnNode.expect(EventType.NodeDeleted, "/p/c");
        childWatchOnParent.expect(EventType.NodeChildrenChanged, "/p");
        dataWatch.assertNoMoreEvents(watching);
        childWatchOnNode.assertNoMoreEvents(watching);
        childWatchOnParent.assertNoMoreEvents(watching);
    }

    @CompatTest
    void setAclFiresNoWatch(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        writer.create("/a", null, OPEN, CreateMode.PERSISTENT);
        EventRecorder events = new EventRecorder();

        watching.getData("/a", events, null);
        writer.setACL("/a", ZooDefs.Ids.OPEN_ACL_UNSAFE, -1);
        events.assertNoMoreEvents(watching);

        writer.setData("/a", utf8("x"), -1);
        events.expect(EventType.NodeDataChanged, "/a");
    }

    @CompatTest
    void persistentWatchFiresForEveryChangeOfThePathAndItsChildList(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        writer.create("/p", null, OPEN, CreateMode.PERSISTENT);
        EventRecorder events = new EventRecorder();

        watching.addWatch("/p", events, AddWatchMode.PERSISTENT);
        writer.setData("/p", utf8("1"), -1);
        writer.setData("/p", utf8("2"), -1);
        writer.create("/p/c", null, OPEN, CreateMode.PERSISTENT);
        writer.setData("/p/c", utf8("grandchild data is not watched"), -1);
        writer.delete("/p/c", -1);
        writer.delete("/p", -1);
        writer.create("/p", null, OPEN, CreateMode.PERSISTENT);

        events.expect(EventType.NodeDataChanged, "/p");
        events.expect(EventType.NodeDataChanged, "/p");
        events.expect(EventType.NodeChildrenChanged, "/p");
        events.expect(EventType.NodeChildrenChanged, "/p");
        events.expect(EventType.NodeDeleted, "/p");
        events.expect(EventType.NodeCreated, "/p");
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    void persistentRecursiveWatchFiresForDescendantsButNeverForChildListChanges(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        EventRecorder events = new EventRecorder();

        watching.addWatch("/r", events, AddWatchMode.PERSISTENT_RECURSIVE);
        writer.create("/r", null, OPEN, CreateMode.PERSISTENT);
        writer.create("/r/a", null, OPEN, CreateMode.PERSISTENT);
        writer.create("/r/a/b", null, OPEN, CreateMode.PERSISTENT);
        writer.setData("/r/a/b", utf8("x"), -1);
        writer.create("/rabbit", null, OPEN, CreateMode.PERSISTENT);
        writer.delete("/r/a/b", -1);
        writer.setData("/r", utf8("y"), -1);

        events.expect(EventType.NodeCreated, "/r");
        events.expect(EventType.NodeCreated, "/r/a");
        events.expect(EventType.NodeCreated, "/r/a/b");
        events.expect(EventType.NodeDataChanged, "/r/a/b");
        events.expect(EventType.NodeDeleted, "/r/a/b");
        events.expect(EventType.NodeDataChanged, "/r");
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    void eventArrivesBeforeTheReplyToALaterRequest(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        writer.create("/a", utf8("old"), OPEN, CreateMode.PERSISTENT);
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);

        watching.getData("/a", event -> {
            seen.add("event " + event.getType());
            both.countDown();
        }, null);
        writer.setData("/a", utf8("new"), -1);
        // Callbacks and watch events share the client's event thread, so their order is the wire order.
        watching.getData("/a", false, (rc, path, ctx, data, stat) -> {
            seen.add("reply " + new String(data));
            both.countDown();
        }, null);

        assertTrue(both.await(ServerFixture.WAIT_SECONDS, TimeUnit.SECONDS), "event and reply: " + seen);
        assertEquals(List.of("event NodeDataChanged", "reply new"), seen);
    }

    @CompatTest
    void watchesAreRestoredAfterAReconnect(ServerFixture server) throws Exception {
        EventRecorder connection = new EventRecorder();
        ZooKeeper watching = server.client(connection);
        ZooKeeper writer = server.client();
        writer.create("/data", null, OPEN, CreateMode.PERSISTENT);
        writer.create("/parent", null, OPEN, CreateMode.PERSISTENT);
        EventRecorder events = new EventRecorder();
        watching.getData("/data", events, null);
        watching.exists("/created", events);
        watching.getChildren("/parent", events);
        watching.addWatch("/tree", events, AddWatchMode.PERSISTENT_RECURSIVE);
        long sessionId = watching.getSessionId();

        connection.awaitState(KeeperState.SyncConnected);
        watching.getTestable().closeSocket();
        // A request makes the client notice the closed socket at once (it may fail with ConnectionLoss).
        watching.exists("/", false, (rc, path, ctx, stat) -> { }, null);
        connection.awaitState(KeeperState.Disconnected);
        connection.awaitState(KeeperState.SyncConnected);
        assertEquals(sessionId, watching.getSessionId());

        writer.setData("/data", utf8("x"), -1);
        events.expect(EventType.NodeDataChanged, "/data");
        writer.create("/created", null, OPEN, CreateMode.PERSISTENT);
        events.expect(EventType.NodeCreated, "/created");
        writer.create("/parent/child", null, OPEN, CreateMode.PERSISTENT);
        events.expect(EventType.NodeChildrenChanged, "/parent");
        writer.create("/tree", null, OPEN, CreateMode.PERSISTENT);
        events.expect(EventType.NodeCreated, "/tree");
        writer.create("/tree/leaf", null, OPEN, CreateMode.PERSISTENT);
        events.expect(EventType.NodeCreated, "/tree/leaf");
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    void removeWatchesStopsTheWatchAndTellsTheWatcher(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        writer.create("/a", null, OPEN, CreateMode.PERSISTENT);
        EventRecorder events = new EventRecorder();

        watching.getData("/a", events, null);
        watching.removeWatches("/a", events, WatcherType.Data, false);
        writer.setData("/a", utf8("x"), -1);

        events.expect(EventType.DataWatchRemoved, "/a");
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    void removeAllWatchesRemovesDataAndChildWatches(ServerFixture server) throws Exception {
        ZooKeeper watching = server.client();
        ZooKeeper writer = server.client();
        writer.create("/a", null, OPEN, CreateMode.PERSISTENT);
        EventRecorder events = new EventRecorder();

        watching.getData("/a", events, null);
        watching.getChildren("/a", events);
        watching.removeAllWatches("/a", WatcherType.Any, false);
        writer.setData("/a", utf8("x"), -1);
        writer.create("/a/b", null, OPEN, CreateMode.PERSISTENT);

        List<EventType> removed = List.of(events.next().getType(), events.next().getType());
        assertEquals(List.of(EventType.DataWatchRemoved, EventType.ChildWatchRemoved), removed.stream().sorted().toList());
        events.assertNoMoreEvents(watching);
    }

    @CompatTest
    void removingAWatchThatDoesNotExistIsNoWatcher(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        zk.create("/a", null, OPEN, CreateMode.PERSISTENT);

        assertFails(Code.NOWATCHER, () -> zk.removeWatches("/a", new EventRecorder(), WatcherType.Data, false));
        assertFails(Code.NOWATCHER, () -> zk.removeAllWatches("/a", WatcherType.Any, false));
    }

    @CompatTest
    void serverAnswersCheckAndRemoveWatchesPerWatchType(ServerFixture server) {
        // The Apache client checks its own watch table first, so ask the server directly.
        RawSession raw = server.rawSession(ServerFixture.SESSION_TIMEOUT_MS);
        int ok = Code.OK.intValue();
        int noWatcher = Code.NOWATCHER.intValue();

        // getData of a missing node leaves no watch; exists of a missing node does.
        assertEquals(Code.NONODE.intValue(), raw.call(ZooDefs.OpCode.getData, new GetDataRequest("/a", true)));
        assertEquals(noWatcher, raw.call(ZooDefs.OpCode.checkWatches, new CheckWatchesRequest("/a", WatcherType.Data.getIntValue())));
        assertEquals(Code.NONODE.intValue(), raw.call(ZooDefs.OpCode.exists, new ExistsRequest("/a", true)));
        assertEquals(ok, raw.call(ZooDefs.OpCode.checkWatches, new CheckWatchesRequest("/a", WatcherType.Data.getIntValue())));
        assertEquals(noWatcher,
                raw.call(ZooDefs.OpCode.checkWatches, new CheckWatchesRequest("/a", WatcherType.Children.getIntValue())));
        assertEquals(noWatcher, raw.call(ZooDefs.OpCode.checkWatches, new CheckWatchesRequest("/b", WatcherType.Any.getIntValue())));
        assertEquals(ok, raw.call(ZooDefs.OpCode.removeWatches, new RemoveWatchesRequest("/a", WatcherType.Data.getIntValue())));
        assertEquals(noWatcher,
                raw.call(ZooDefs.OpCode.removeWatches, new RemoveWatchesRequest("/a", WatcherType.Data.getIntValue())));

        assertEquals(ok, raw.call(ZooDefs.OpCode.addWatch, new AddWatchRequest("/p", AddWatchMode.PERSISTENT.getMode())));
        assertEquals(ok, raw.call(ZooDefs.OpCode.checkWatches, new CheckWatchesRequest("/p", WatcherType.Persistent.getIntValue())));
        assertEquals(ok, raw.call(ZooDefs.OpCode.removeWatches, new RemoveWatchesRequest("/p", WatcherType.Any.getIntValue())));
        assertEquals(noWatcher, raw.call(ZooDefs.OpCode.checkWatches, new CheckWatchesRequest("/p", WatcherType.Any.getIntValue())));
    }

    @CompatTest
    void setWatchesReportsWhatChangedSinceTheClientsZxidAndReRegistersTheRest(ServerFixture server) throws Exception {
        ZooKeeper writer = server.client();
        for (String path : List.of("/same", "/changed", "/parent", "/quiet-parent")) {
            writer.create(path, null, OPEN, CreateMode.PERSISTENT);
        }
        long lastSeen = writer.exists("/quiet-parent", false).getCzxid();
        writer.setData("/changed", utf8("x"), -1);
        writer.create("/parent/child", null, OPEN, CreateMode.PERSISTENT);
        writer.create("/created", null, OPEN, CreateMode.PERSISTENT);
        RawSession raw = server.rawSession(ServerFixture.SESSION_TIMEOUT_MS);

        int err = raw.setWatches(new SetWatches(lastSeen, List.of("/same", "/changed", "/gone"),
                List.of("/created", "/absent"), List.of("/parent", "/quiet-parent", "/gone-parent")));

        assertEquals(Code.OK.intValue(), err);
        // Missed changes are reported at once, with zxid -1, before the reply.
        assertEquals(Set.of("NodeDataChanged /changed -1", "NodeDeleted /gone -1", "NodeCreated /created -1",
                "NodeChildrenChanged /parent -1", "NodeDeleted /gone-parent -1"), describe(raw.takeNotifications()));

        long dataChange = writer.setData("/same", utf8("x"), -1).getMzxid();
        Stat absent = new Stat();
        writer.create("/absent", null, OPEN, CreateMode.PERSISTENT, absent);
        Stat child = new Stat();
        writer.create("/quiet-parent/child", null, OPEN, CreateMode.PERSISTENT, child);
        raw.call(ZooDefs.OpCode.exists, new ExistsRequest("/", false));
        assertEquals(Set.of("NodeDataChanged /same " + dataChange, "NodeCreated /absent " + absent.getCzxid(),
                "NodeChildrenChanged /quiet-parent " + child.getCzxid()), describe(raw.takeNotifications()));
    }

    private static Set<String> describe(List<RawSession.Notification> notifications) {
        for (RawSession.Notification notification : notifications) {
            assertEquals(KeeperState.SyncConnected.getIntValue(), notification.state(), notification::toString);
        }
        return notifications.stream()
                .map(n -> EventType.fromInt(n.type()) + " " + n.path() + " " + n.zxid())
                .collect(Collectors.toSet());
    }
}
