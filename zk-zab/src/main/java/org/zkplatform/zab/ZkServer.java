package org.zkplatform.zab;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.zkplatform.zab.admin.CommandResult;
import org.zkplatform.zab.admin.Readiness;
import org.zkplatform.zab.admin.ServerGauges;
import org.zkplatform.zab.metrics.ServerMetrics;

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

    /**
     * Runs an admin command by any of its names (see {@link org.zkplatform.zab.admin.AdminCommand})
     * on the driver thread. The future does not complete if the core is stopped or stuck: bound
     * the wait.
     */
    CompletableFuture<CommandResult> command(String name);

    /** Whether the server serves clients now, read on the driver thread; bound the wait. */
    CompletableFuture<Readiness> readiness();

    /** The state a metrics scrape reports, read on the driver thread; bound the wait. */
    CompletableFuture<ServerGauges> gauges();

    /** The server's lifelong counters and histograms; read from any thread. */
    ServerMetrics metrics();

    @Override
    void close();
}
