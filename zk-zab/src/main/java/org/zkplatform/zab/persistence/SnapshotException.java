package org.zkplatform.zab.persistence;

/** A snapshot is not a whole, intact ZooKeeper snapshot; the loader falls back to an older one. */
public final class SnapshotException extends Exception {

    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
