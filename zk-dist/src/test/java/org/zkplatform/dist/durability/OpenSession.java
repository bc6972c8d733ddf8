package org.zkplatform.dist.durability;

import java.util.List;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * A session left open when its server stops, with the ephemerals it owned then: after a restart
 * on the same data dir the session must still exist (it can be resumed) and own the same nodes.
 */
record OpenSession(long sessionId, byte[] password, List<String> ephemerals) {

    static OpenSession of(ZooKeeper owner) throws KeeperException, InterruptedException {
        return new OpenSession(owner.getSessionId(), owner.getSessionPasswd(), sorted(owner.getEphemerals("/")));
    }

    /** The ephemerals the session owns on the server {@code port}, resuming it there. */
    List<String> ephemeralsAfterResumingOn(int port) throws KeeperException, InterruptedException {
        ZooKeeper resumed = Clients.resume(port, sessionId, password);
        try {
            return sorted(resumed.getEphemerals("/"));
        } finally {
            Clients.closeQuietly(resumed);
        }
    }

    String describe() {
        return "session 0x" + Long.toHexString(sessionId);
    }

    private static List<String> sorted(List<String> paths) {
        return paths.stream().sorted().toList();
    }
}
