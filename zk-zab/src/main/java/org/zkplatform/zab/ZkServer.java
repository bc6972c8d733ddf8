package org.zkplatform.zab;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A server as the launcher runs it: standalone or a member of an ensemble. */
public interface ZkServer extends AutoCloseable {

    /** Loads the database and opens the client ports (an ensemble member then looks for a leader). */
    void start() throws Exception;

    /** The bound client address; the real port when port 0 was configured. */
    InetSocketAddress clientAddress();

    /** The bound secure client address, if one was configured. */
    Optional<InetSocketAddress> secureClientAddress();

    /** Completes if the server fails and stops serving (the log cannot be written, say). */
    CompletableFuture<Throwable> failure();

    @Override
    void close();
}
