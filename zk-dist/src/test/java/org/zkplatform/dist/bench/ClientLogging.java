package org.zkplatform.dist.bench;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apache client logs each lost connection and each refused reconnect at WARN with a stack
 * trace. The failover scenario causes hundreds of them on purpose (every session of the servers
 * that lose their leader, and every try of the killed server's port), which would bury the report;
 * the scenario counts disconnects itself.
 */
final class ClientLogging {

    private ClientLogging() {}

    /** Raises the client connection's log level to ERROR, where the test class path's logback is in use. */
    static void quietReconnects() {
        Logger logger = LoggerFactory.getLogger("org.apache.zookeeper.ClientCnxn");
        if (logger instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.ERROR);
        }
    }
}
