package org.zkplatform.sim;

import java.net.InetSocketAddress;
import org.zkplatform.zab.quorum.SimServer;

/** The addresses of a simulated ensemble: server N takes clients on port 2000+N. */
final class SimServerAddresses {

    private SimServerAddresses() {
    }

    static InetSocketAddress client(int server) {
        return SimServer.clientAddress(server);
    }
}
