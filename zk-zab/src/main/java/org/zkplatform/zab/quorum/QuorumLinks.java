package org.zkplatform.zab.quorum;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.TransportException;

/**
 * How the roles reach each other: a leader takes its learners' links, a learner dials its leader.
 * Every link made is reported to the driver as {@link QuorumEvent.Opened}, and everything on it
 * as further {@link QuorumEvent}s, so the roles never touch a connection or a thread.
 */
interface QuorumLinks {

    /**
     * Listens on {@code address} for learners until the listener is closed.
     *
     * @param readTimeoutMillis how long a new learner may stay silent before its link counts as dead
     * @throws TransportException if the address cannot be bound
     */
    Listener accept(InetSocketAddress address, long readTimeoutMillis) throws TransportException;

    /**
     * Starts dialing the leader at {@code address}, up to {@code attempts} times, each given
     * {@code timeout}; the result comes as {@link QuorumEvent.Opened} or {@link QuorumEvent.Unreachable}.
     */
    LeaderDialer dial(InetSocketAddress address, int attempts, Duration timeout);
}
