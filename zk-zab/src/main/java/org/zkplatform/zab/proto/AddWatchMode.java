package org.zkplatform.zab.proto;

/** {@code AddWatchRequest.mode}: a persistent watch on one node, or on its whole subtree. */
public enum AddWatchMode {
    PERSISTENT(0),
    PERSISTENT_RECURSIVE(1);

    private final int code;

    AddWatchMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException if no mode has that code */
    public static AddWatchMode ofCode(int code) {
        for (AddWatchMode m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown add-watch mode " + code);
    }
}
