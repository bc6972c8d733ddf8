package org.zkplatform.dist.ensemble;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/** Every node of a server's tree as a client sees it through a direct connection, for comparing servers. */
final class TreeImages {

    /** A node's content and the stat fields every server must agree on. */
    record Node(byte[] data, long czxid, long mzxid, long pzxid, int version, int cversion, int aversion,
                long ephemeralOwner, int numChildren) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Node n && Arrays.equals(data, n.data) && czxid == n.czxid && mzxid == n.mzxid
                    && pzxid == n.pzxid && version == n.version && cversion == n.cversion && aversion == n.aversion
                    && ephemeralOwner == n.ephemeralOwner && numChildren == n.numChildren;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(mzxid);
        }

        @Override
        public String toString() {
            return "czxid=0x" + Long.toHexString(czxid) + " mzxid=0x" + Long.toHexString(mzxid) + " pzxid=0x"
                    + Long.toHexString(pzxid) + " v=" + version + " cv=" + cversion + " children=" + numChildren
                    + " data=" + (data == null ? "null" : data.length + " bytes");
        }
    }

    private TreeImages() {
    }

    static Map<String, Node> read(ZooKeeper zk) throws KeeperException, InterruptedException {
        Clients.sync(zk, "/");
        Map<String, Node> nodes = new TreeMap<>();
        Deque<String> pending = new ArrayDeque<>(List.of("/"));
        while (!pending.isEmpty()) {
            String path = pending.pop();
            Stat stat = new Stat();
            byte[] data;
            List<String> children;
            try {
                data = zk.getData(path, false, stat);
                children = zk.getChildren(path, false);
            } catch (KeeperException.NoNodeException e) {
                continue; // an ephemeral that went away while reading
            }
            if (path.equals("/zookeeper") || path.startsWith("/zookeeper/")) {
                continue;
            }
            nodes.put(path, new Node(data, stat.getCzxid(), stat.getMzxid(), stat.getPzxid(), stat.getVersion(),
                    stat.getCversion(), stat.getAversion(), stat.getEphemeralOwner(), stat.getNumChildren()));
            for (String child : children) {
                pending.push(path.equals("/") ? "/" + child : path + "/" + child);
            }
        }
        return nodes;
    }

    /** Reads the tree through each server in turn and fails on the first difference; returns the tree. */
    static Map<String, Node> assertAllEqual(Ensemble ensemble, List<Integer> ids) throws Exception {
        Map<String, Node> reference = null;
        int referenceId = -1;
        try (Clients clients = new Clients()) {
            for (int id : ids) {
                Map<String, Node> tree = read(clients.connect(ensemble.connectString(id)));
                if (reference == null) {
                    reference = tree;
                    referenceId = id;
                    continue;
                }
                for (String path : reference.keySet()) {
                    if (!reference.get(path).equals(tree.get(path))) {
                        fail("server " + id + " differs from server " + referenceId + " at " + path + ": "
                                + tree.get(path) + " against " + reference.get(path));
                    }
                }
                for (String path : tree.keySet()) {
                    if (!reference.containsKey(path)) {
                        fail("server " + id + " has " + path + ", server " + referenceId + " does not");
                    }
                }
            }
        }
        return reference;
    }
}
