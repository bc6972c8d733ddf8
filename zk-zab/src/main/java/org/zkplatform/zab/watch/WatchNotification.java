package org.zkplatform.zab.watch;

import java.util.Objects;

/**
 * One event to send: {@code type} on {@code path} to the watcher (session) {@code watcherId}.
 * The caller wraps it in a notification frame (xid -1) with the zxid of the change, or -1 for
 * events raised by setWatches.
 */
public record WatchNotification(long watcherId, WatchEventType type, String path) {
    public WatchNotification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
    }
}
