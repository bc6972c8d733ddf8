package org.zkplatform.zab.quorum;

import java.util.HashMap;
import java.util.Map;

/** Which servers of a simulated ensemble listen on their quorum port (lead) right now. */
public final class QuorumPorts {

    /** Quorum ports are this plus the server id, so a dialed address names its server. */
    public static final int QUORUM_PORT_BASE = 3000;

    record Port(int server, long readTimeoutMillis, SimLinks links) {
    }

    private final Map<Integer, Port> listening = new HashMap<>();

    static int serverOfQuorumPort(int port) {
        return port - QUORUM_PORT_BASE;
    }

    void listen(Port port) {
        listening.put(port.server(), port);
    }

    void unlisten(Port port) {
        listening.remove(port.server(), port);
    }

    Port listening(int server) {
        return listening.get(server);
    }

    /** A crashed server's port is gone with it. */
    public void crashed(int server) {
        listening.remove(server);
    }
}
