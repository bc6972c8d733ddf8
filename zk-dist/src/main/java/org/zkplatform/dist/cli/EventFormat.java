package org.zkplatform.dist.cli;

import org.zkplatform.dist.cli.client.WatchEvent;
import org.zkplatform.zab.proto.EventType;
import org.zkplatform.zab.proto.KeeperState;

/** A watch event in zkCli's words: {@code WatchedEvent state:SyncConnected type:NodeDataChanged path:/a zxid: 5}. */
final class EventFormat {

    private EventFormat() {
    }

    /** The event as Apache ZooKeeper 3.9's {@code WatchedEvent.toString()} writes it. */
    static String format(WatchEvent event) {
        return "WatchedEvent state:" + name(event.state()) + " type:" + name(event.type()) + " path:" + event.path()
                + " zxid: " + event.zxid();
    }

    /** The block zkCli prints for an event: a blank line, {@code WATCHER::}, a blank line, the event. */
    static String block(WatchEvent event) {
        return "\nWATCHER::\n\n" + format(event);
    }

    static String name(KeeperState state) {
        switch (state) {
            case UNKNOWN: return "Unknown";
            case DISCONNECTED: return "Disconnected";
            case NO_SYNC_CONNECTED: return "NoSyncConnected";
            case SYNC_CONNECTED: return "SyncConnected";
            case AUTH_FAILED: return "AuthFailed";
            case CONNECTED_READ_ONLY: return "ConnectedReadOnly";
            case SASL_AUTHENTICATED: return "SaslAuthenticated";
            case EXPIRED: return "Expired";
            case CLOSED: return "Closed";
            default: throw new IllegalArgumentException("unnamed state " + state);
        }
    }

    static String name(EventType type) {
        switch (type) {
            case NONE: return "None";
            case NODE_CREATED: return "NodeCreated";
            case NODE_DELETED: return "NodeDeleted";
            case NODE_DATA_CHANGED: return "NodeDataChanged";
            case NODE_CHILDREN_CHANGED: return "NodeChildrenChanged";
            case DATA_WATCH_REMOVED: return "DataWatchRemoved";
            case CHILD_WATCH_REMOVED: return "ChildWatchRemoved";
            case PERSISTENT_WATCH_REMOVED: return "PersistentWatchRemoved";
            default: throw new IllegalArgumentException("unnamed event type " + type);
        }
    }
}
