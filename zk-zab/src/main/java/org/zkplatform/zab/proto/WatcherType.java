package org.zkplatform.zab.proto;

/** The {@code type} of checkWatches and removeWatches: which kind of watch is meant. */
public enum WatcherType {
    CHILDREN(1),
    DATA(2),
    ANY(3),
    PERSISTENT(4),
    PERSISTENT_RECURSIVE(5);

    private final int code;

    WatcherType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException if no watcher type has that code */
    public static WatcherType ofCode(int code) {
        for (WatcherType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown watcher type " + code);
    }
}
