package org.zkplatform.dist.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * A whole tree as read through a client, path by path, so two servers' views of one data dir can
 * be compared field by field and the differences named.
 */
record TreeImage(Map<String, NodeImage> nodes) {

    private static final int MAX_NODES = 100_000;

    /** Reads every node under {@code /} through {@code zk}, which must be allowed to read them all. */
    static TreeImage read(ZooKeeper zk) throws KeeperException, InterruptedException {
        Map<String, NodeImage> nodes = new TreeMap<>();
        List<String> pending = new ArrayList<>(List.of("/"));
        while (!pending.isEmpty()) {
            if (nodes.size() > MAX_NODES) {
                throw new AssertionError("more than " + MAX_NODES + " nodes: a loop in the tree?");
            }
            String path = pending.remove(pending.size() - 1);
            Stat stat = new Stat();
            byte[] data = zk.getData(path, false, stat);
            List<ACL> acl = zk.getACL(path, new Stat());
            nodes.put(path, NodeImage.of(data, stat, acl));
            for (String child : new TreeSet<>(zk.getChildren(path, false))) {
                pending.add(path.equals("/") ? "/" + child : path + "/" + child);
            }
        }
        return new TreeImage(nodes);
    }

    /** The highest zxid any Stat in the tree mentions. */
    long highestZxid() {
        return nodes.values().stream().mapToLong(NodeImage::highestZxid).max().orElse(0);
    }

    /** Every difference from {@code other}, one line each; empty if the trees are the same. */
    List<String> differencesFrom(TreeImage other) {
        List<String> lines = new ArrayList<>();
        Set<String> paths = new TreeSet<>(nodes.keySet());
        paths.addAll(other.nodes.keySet());
        for (String path : paths) {
            NodeImage mine = nodes.get(path);
            NodeImage theirs = other.nodes.get(path);
            if (mine == null) {
                lines.add("only after: " + path + " " + theirs);
            } else if (theirs == null) {
                lines.add("only before: " + path + " " + mine);
            } else if (!mine.equals(theirs)) {
                lines.add(path + "\n    before: " + mine + "\n    after:  " + theirs);
            }
        }
        return lines;
    }
}
