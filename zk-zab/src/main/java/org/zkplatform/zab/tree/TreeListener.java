package org.zkplatform.zab.tree;

/**
 * Hears of every change to the tree as it is applied, in order; the server turns these into
 * watch notifications. Called on the driver thread, inside {@link DataTree#apply}.
 */
public interface TreeListener {

    /** Ignores everything: for replay at startup, when no client is connected. */
    TreeListener NONE = new TreeListener() {
        @Override
        public void nodeCreated(String path, String parent) {
        }

        @Override
        public void nodeDeleted(String path, String parent, DataNode deleted) {
        }

        @Override
        public void dataChanged(String path) {
        }
    };

    /** {@code path} was created under {@code parent} ("/" for a top-level node). */
    void nodeCreated(String path, String parent);

    /** {@code path} was deleted from {@code parent}; {@code deleted} is its last state. */
    void nodeDeleted(String path, String parent, DataNode deleted);

    void dataChanged(String path);
}
