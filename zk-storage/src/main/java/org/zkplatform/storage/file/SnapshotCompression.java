package org.zkplatform.storage.file;

/** How new snapshots are stored; ZooKeeper's {@code zookeeper.snapshot.compression.method}, less snappy. */
public enum SnapshotCompression {
    NONE("none", ""),
    GZ("gz", ".gz");

    private final String setting;
    private final String suffix;

    SnapshotCompression(String setting, String suffix) {
        this.setting = setting;
        this.suffix = suffix;
    }

    /** The value of {@code snapshot-compression} that selects it. */
    String setting() {
        return setting;
    }

    /** The file-name suffix that tells readers how to decode the file. */
    String suffix() {
        return suffix;
    }
}
