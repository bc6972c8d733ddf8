package org.zkplatform.dist.compat;

import java.net.InetSocketAddress;

/**
 * A ZooKeeper-protocol server a test talks to: ours, or Apache ZooKeeper 3.9.5 as the reference.
 * Both listen on 127.0.0.1 on a free port and run in the test's JVM.
 */
public interface ServerUnderTest extends AutoCloseable {

    /** "zkplatform" or "apache", for messages. */
    String kind();

    InetSocketAddress clientAddress();

    /** The connect string for the ZooKeeper client and Curator. */
    default String connectString() {
        return "127.0.0.1:" + clientAddress().getPort();
    }

    @Override
    void close();
}
