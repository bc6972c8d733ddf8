package org.zkplatform.api.election;

/**
 * What election needs to know about this server, read at the moment it needs it. Implementations
 * must be thread-safe.
 */
public interface LocalPeer {

    /** The state the server is in now. */
    PeerState state();

    /** The zxid of the last transaction in this server's log. */
    long lastLoggedZxid();

    /** The epoch of the last leader this server completed a sync with ({@code currentEpoch}). */
    long currentEpoch();

    /** The vote of the leader this server follows or is, used to answer peers that are looking. */
    Vote currentVote();
}
