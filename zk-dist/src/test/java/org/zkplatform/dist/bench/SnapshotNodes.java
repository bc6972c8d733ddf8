package org.zkplatform.dist.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.InputArchive;
import org.apache.zookeeper.data.StatPersisted;
import org.apache.zookeeper.server.ReferenceCountedACLCache;
import org.apache.zookeeper.server.persistence.FileHeader;
import org.apache.zookeeper.server.persistence.SnapStream;

/**
 * Counts the nodes in a snapshot file, streaming it with Apache ZooKeeper's own classes, so that
 * snapshots the two servers happened to take at different points of the creates compare per node.
 * Both write Apache's format: file header, sessions, ACL cache, then path and node until the path
 * {@code /}. Nothing is kept, so a million nodes need no heap.
 */
final class SnapshotNodes {

    private SnapshotNodes() {}

    /** The nodes in {@code snapshot}, its root included. */
    static long count(Path snapshot) throws IOException {
        try (InputStream in = SnapStream.getInputStream(snapshot.toFile())) {
            InputArchive archive = BinaryInputArchive.getArchive(in);
            new FileHeader().deserialize(archive, "fileheader");
            for (int sessions = archive.readInt("count"); sessions > 0; sessions--) {
                archive.readLong("id");
                archive.readInt("timeout");
            }
            new ReferenceCountedACLCache().deserialize(archive);
            long nodes = 0;
            for (String path = archive.readString("path"); !"/".equals(path); path = archive.readString("path")) {
                archive.startRecord("node");
                archive.readBuffer("data");
                archive.readLong("acl");
                new StatPersisted().deserialize(archive, "statpersisted");
                archive.endRecord("node");
                nodes++;
            }
            return nodes;
        }
    }
}
