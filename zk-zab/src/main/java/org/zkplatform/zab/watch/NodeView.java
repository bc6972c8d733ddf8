package org.zkplatform.zab.watch;

/** The little the watch manager needs to know about the tree to replay setWatches. */
public interface NodeView {
    /** Whether a node exists at {@code path}. */
    boolean exists(String path);

    /** The zxid that last modified the node's data; only called for an existing node. */
    long mzxid(String path);

    /** The zxid that last modified the node's children; only called for an existing node. */
    long pzxid(String path);
}
