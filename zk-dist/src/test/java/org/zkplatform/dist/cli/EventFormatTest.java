package org.zkplatform.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event;
import org.junit.jupiter.api.Test;
import org.zkplatform.dist.cli.client.WatchEvent;
import org.zkplatform.zab.proto.EventType;
import org.zkplatform.zab.proto.KeeperState;

class EventFormatTest {

    @Test
    void writesEveryEventAsApacheZooKeepersWatchedEvent() {
        for (EventType type : EventType.values()) {
            for (KeeperState state : KeeperState.values()) {
                WatchEvent ours = new WatchEvent(state, type, type == EventType.NONE ? null : "/a/b", 42);
                WatchedEvent apache = new WatchedEvent(Event.EventType.fromInt(type.code()),
                        Event.KeeperState.fromInt(state.code()), ours.path(), 42);

                assertEquals(apache.toString(), EventFormat.format(ours));
            }
        }
    }

    @Test
    void aWatchBlockIsZkClisWatcherBlock() {
        WatchEvent event = new WatchEvent(KeeperState.SYNC_CONNECTED, EventType.NODE_DATA_CHANGED, "/a", 5);

        assertEquals("\nWATCHER::\n\nWatchedEvent state:SyncConnected type:NodeDataChanged path:/a zxid: 5",
                EventFormat.block(event));
    }
}
