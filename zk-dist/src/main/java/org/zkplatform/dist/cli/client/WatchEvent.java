package org.zkplatform.dist.cli.client;

import java.util.Objects;
import org.zkplatform.zab.proto.EventType;
import org.zkplatform.zab.proto.KeeperState;

/**
 * A watch notification from the server, or a change of the session's state (type
 * {@link EventType#NONE}, no path).
 *
 * @param zxid the zxid of the notification's reply header; -1 for a change of state
 */
public record WatchEvent(KeeperState state, EventType type, String path, long zxid) {

    public WatchEvent {
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(type, "type is null");
    }

    /** A change of the session's state, made by the client. */
    static WatchEvent ofState(KeeperState state) {
        return new WatchEvent(state, EventType.NONE, null, -1);
    }
}
