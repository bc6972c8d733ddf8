package org.zkplatform.zab.quorum;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Consumer;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.sim.SimChannel;
import org.zkplatform.sim.SimNetwork;
import org.zkplatform.sim.SimWorld;
import org.zkplatform.zab.server.CoreEvent;

/**
 * One server's quorum links on the simulated network, in place of {@link TransportLinks}: a leader
 * registers its quorum port in {@link QuorumPorts}; a learner dials with {@link LeaderConnector}'s
 * retries and pauses (50 ms, doubling to a second), each attempt refused at once where nothing
 * listens and lost for its whole timeout where the network is cut.
 */
final class SimLinks implements QuorumLinks {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SimLinks.class);

    private static final long FIRST_RETRY_PAUSE_MILLIS = 50;
    private static final long MAX_RETRY_PAUSE_MILLIS = 1000;

    private final SimWorld world;
    private final SimNetwork network;
    private final QuorumPorts ports;
    private final int myId;
    private final int maxFieldBytes;
    private final Consumer<CoreEvent> driver;

    SimLinks(SimWorld world, SimNetwork network, QuorumPorts ports, int myId, int maxFieldBytes,
             Consumer<CoreEvent> driver) {
        this.world = world;
        this.network = network;
        this.ports = ports;
        this.myId = myId;
        this.maxFieldBytes = maxFieldBytes;
        this.driver = driver;
    }

    @Override
    public Listener accept(InetSocketAddress address, long readTimeoutMillis) throws TransportException {
        QuorumPorts.Port port = new QuorumPorts.Port(myId, readTimeoutMillis, this);
        ports.listen(port);
        return new Listener() {
            @Override
            public InetSocketAddress localAddress() {
                return address;
            }

            @Override
            public void close() {
                ports.unlisten(port);
            }
        };
    }

    /** A learner reached this leader's port: the leader's end of the link, reported to its driver. */
    SimPeerLink accepted(SimChannel channel, int learner, long readTimeoutMillis) {
        SimPeerLink link = new SimPeerLink(world, network, channel, myId, learner, false, maxFieldBytes, driver);
        link.setReadTimeout(readTimeoutMillis);
        driver.accept(new QuorumEvent.Opened(link));
        return link;
    }

    @Override
    public LeaderDialer dial(InetSocketAddress address, int attempts, Duration timeout) {
        Dialer dialer = new Dialer(QuorumPorts.serverOfQuorumPort(address.getPort()), attempts, timeout.toMillis());
        dialer.attempt(1, FIRST_RETRY_PAUSE_MILLIS, "");
        return dialer;
    }

    private final class Dialer implements LeaderDialer {
        private final int leader;
        private final int attempts;
        private final long timeoutMillis;
        private SimPeerLink link;
        private boolean closed;

        Dialer(int leader, int attempts, long timeoutMillis) {
            this.leader = leader;
            this.attempts = attempts;
            this.timeoutMillis = timeoutMillis;
        }

        void attempt(int attempt, long pause, String lastError) {
            if (closed) {
                return;
            }
            LOG.debug("Attempt {} to reach the leader {} ({})", attempt, leader, lastError);
            if (attempt > attempts) {
                driver.accept(new QuorumEvent.Unreachable(this, "cannot reach the leader " + leader + " after "
                        + attempts + " attempts: " + lastError));
                return;
            }
            if (!network.canSend(myId, leader) || !network.canSend(leader, myId)) {
                // The SYN or its answer is lost: the attempt fails only when its timeout passes.
                world.afterMillis(timeoutMillis, myId, () -> retry(attempt, pause, "no answer within "
                        + timeoutMillis + " ms"));
                return;
            }
            QuorumPorts.Port port = ports.listening(leader);
            if (port == null) {
                world.at(2 * network.delayNanos(), myId, () -> retry(attempt, pause, "connection refused"));
                return;
            }
            SimChannel channel = network.open("quorum", myId, myId, leader, leader);
            SimPeerLink mine = new SimPeerLink(world, network, channel, myId, leader, true, maxFieldBytes, driver);
            // As LeaderConnector does: the link is this dialer's from the moment it exists, before Opened is posted.
            link = mine;
            SimPeerLink[] theirs = new SimPeerLink[1];
            channel.attach(mine, new SimChannel.End() {
                @Override
                public void received(byte[] chunk) {
                    if (theirs[0] != null) {
                        theirs[0].received(chunk);
                    }
                }

                @Override
                public void closed(String reason) {
                    if (theirs[0] != null) {
                        theirs[0].closed(reason);
                    }
                }
            });
            // The leader's side learns of the connection a half round trip before the learner's does, so
            // nothing the learner sends can reach the leader before its end of the link exists.
            long halfTrip = network.delayNanos();
            world.at(halfTrip, leader, () -> {
                if (ports.listening(leader) == port) {
                    theirs[0] = port.links().accepted(channel, myId, port.readTimeoutMillis());
                } else {
                    theirs[0] = new SimPeerLink(world, network, channel, leader, myId, false, maxFieldBytes, event -> { });
                    channel.reset("connection refused");
                }
            });
            world.at(halfTrip + network.delayNanos(), myId, () -> {
                if (closed) {
                    mine.close();
                    return;
                }
                driver.accept(new QuorumEvent.Opened(mine));
            });
        }

        private void retry(int attempt, long pause, String error) {
            if (closed) {
                return;
            }
            world.afterMillis(pause, myId, () -> attempt(attempt + 1, Math.min(2 * pause, MAX_RETRY_PAUSE_MILLIS), error));
        }

        @Override
        public boolean made(PeerLink opened) {
            return opened == link;
        }

        @Override
        public void close() {
            closed = true;
            if (link != null) {
                link.close();
            }
        }
    }
}
