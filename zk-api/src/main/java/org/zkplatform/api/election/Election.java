package org.zkplatform.api.election;

import java.util.concurrent.CompletionStage;

/**
 * One server's side of leader election.
 *
 * <p>Lifecycle: {@link #start()} once (opens the election listener and peer connections, which
 * then stay up so this server can answer peers while it follows or leads); then
 * {@link #lookForLeader()} each time the server enters LOOKING; {@link #close()} at shutdown.
 */
public interface Election extends AutoCloseable {

    /**
     * Opens the election listener and starts talking to peers.
     *
     * @throws ElectionException if the election address cannot be bound; the message names it
     */
    void start() throws ElectionException;

    /**
     * Runs one election, starting with a vote for this server as {@link LocalPeer} describes it.
     * The stage completes with the elected vote, whose {@link Vote#state()} is the state this
     * server must take (LEADING, FOLLOWING or OBSERVING); it completes exceptionally if the
     * election is closed first.
     */
    CompletionStage<Vote> lookForLeader();

    /** Stops the election and closes its connections. Idempotent. */
    @Override
    void close();
}
