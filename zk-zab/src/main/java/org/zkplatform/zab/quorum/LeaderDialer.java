package org.zkplatform.zab.quorum;

/** A learner's way to its leader: it reports the link it made, or that the leader is unreachable, as driver events. */
interface LeaderDialer extends AutoCloseable {

    /** Whether {@code link} is the link this dialer made (an event may come from an earlier role's dialer). */
    boolean made(PeerLink link);

    /** Stops trying and closes any link made. */
    @Override
    void close();
}
