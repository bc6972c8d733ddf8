package org.zkplatform.zab.watch;

/** The kind of change a watch notification reports, with its wire code (WatcherEvent.type). */
public enum WatchEventType {
    NODE_CREATED(1),
    NODE_DELETED(2),
    NODE_DATA_CHANGED(3),
    NODE_CHILDREN_CHANGED(4);

    private final int code;

    WatchEventType(int code) {
        this.code = code;
    }

    /** The value sent as {@code WatcherEvent.type}. */
    public int code() {
        return code;
    }
}
