package org.zkplatform.election.fle;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.server.quorum.FastLeaderElection;
import org.apache.zookeeper.server.quorum.QuorumPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.ServerId;
import org.zkplatform.api.Settings;
import org.zkplatform.api.election.ElectionContext;
import org.zkplatform.api.election.LearnerType;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.QuorumVerifier;
import org.zkplatform.api.election.Vote;
import org.zkplatform.api.time.SystemScheduler;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.election.fle.NotificationCodec.Decoded;

/**
 * zkplatform's election against Apache ZooKeeper 3.9.5's, over real sockets: the bytes a real
 * Apache server sends decode with our readers, the bytes we send are parsed by Apache's own
 * receiver, and mixed ensembles elect one leader and let a restarted server of either kind join.
 */
class ApacheInteropIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDirs;

    private final List<QuorumPeer> apache = new ArrayList<>();
    private final List<AutoCloseable> ours = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        apache.forEach(ApachePeers::stop);
        for (int i = ours.size() - 1; i >= 0; i--) {
            ours.get(i).close();
        }
    }

    private static List<QuorumServer> servers(int count) {
        List<QuorumServer> servers = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            servers.add(new QuorumServer(ServerId.of(id), InetSocketAddress.createUnresolved("127.0.0.1", LoopbackEnsemble.freePort()),
                    InetSocketAddress.createUnresolved("127.0.0.1", LoopbackEnsemble.freePort()), LearnerType.PARTICIPANT, 1, 0,
                    Optional.empty()));
        }
        return servers;
    }

    private QuorumPeer apachePeer(long id, List<QuorumServer> servers) throws Exception {
        QuorumPeer peer = ApachePeers.start(id, servers, dataDirs.resolve("apache-" + id + "-" + System.nanoTime()));
        apache.add(peer);
        return peer;
    }

    private record Ours(FastElection election, FakeLocalPeer peer) {
    }

    private Ours ourPeer(long id, List<QuorumServer> servers) throws Exception {
        Transport transport = LoopbackEnsemble.plainTransport("quorum-" + id);
        SystemScheduler scheduler = new SystemScheduler("timer-" + id);
        FakeLocalPeer peer = new FakeLocalPeer(id, 0, 0);
        FastElection election = (FastElection) LoopbackEnsemble.provider().create(Settings.empty(),
                new ElectionContext(ServerId.of(id), servers, transport, scheduler, peer));
        ours.add(transport);
        ours.add(scheduler);
        ours.add(election);
        election.start();
        return new Ours(election, peer);
    }

    private static CompletableFuture<Vote> lookForLeader(Ours server) {
        server.peer().lookAgain();
        return server.election().lookForLeader().toCompletableFuture().thenApply(vote -> {
            server.peer().adopt(vote);
            return vote;
        });
    }

    @Test
    void anApacheServersConnectionDecodesWithOurReaders() throws Exception {
        List<QuorumServer> servers = servers(2);
        InetSocketAddress ourAddress = new InetSocketAddress("127.0.0.1", servers.get(0).electionAddress().getPort());
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(ourAddress);
            listener.setSoTimeout(20_000);
            QuorumPeer two = apachePeer(2, servers);
            ApachePeers.lookForLeader(two); // notifies server 1, that is us, and keeps its connection (2 > 1)
            try (Socket connection = listener.accept()) {
                connection.setSoTimeout(20_000);
                DataInputStream in = new DataInputStream(connection.getInputStream());
                byte[] introduction = new byte[20 + ("127.0.0.1:" + servers.get(1).electionAddress().getPort()).length()];
                in.readFully(introduction);
                InitialMessageReader.Complete complete = assertInstanceOf(InitialMessageReader.Complete.class,
                        new InitialMessageReader().feed(ByteBuffer.wrap(introduction)));
                assertEquals(new InitialMessage(InitialMessage.PROTOCOL_V1, 2,
                        List.of("127.0.0.1:" + servers.get(1).electionAddress().getPort())), complete.message());

                byte[] message = new byte[in.readInt()];
                in.readFully(message);
                Decoded.Valid valid = assertInstanceOf(Decoded.Valid.class, NotificationCodec.decode(message));
                assertEquals(Notification.of(PeerState.LOOKING, 2, 0, 1, 0), valid.notification());
                String theirConfig = new String(message, 44, message.length - 44, StandardCharsets.UTF_8);
                assertEquals(ConfigText.of(servers, QuorumVerifier.of(servers)), theirConfig,
                        "the config text Apache sends is the one we send");
            }
        }
    }

    @Test
    void apachesReceiverParsesOurNotifications() throws Exception {
        List<QuorumServer> servers = servers(2);
        QuorumPeer one = apachePeer(1, servers);
        BlockingQueue<?> received = receiveQueue(one);
        byte[] config = ConfigText.of(servers, QuorumVerifier.of(servers)).getBytes(StandardCharsets.UTF_8);
        List<Notification> sent = List.of(
                Notification.of(PeerState.LOOKING, 2, 0x300000004L, 5, 3),
                Notification.of(PeerState.FOLLOWING, 1, 0x200000001L, 4, 2),
                Notification.of(PeerState.LEADING, 2, 0x200000001L, 4, 2),
                Notification.of(PeerState.OBSERVING, 2, 7, 9, 0));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", servers.get(0).electionAddress().getPort()), 5_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write(InitialMessage.encode(2, "127.0.0.1:" + servers.get(1).electionAddress().getPort()));
            for (Notification n : sent) {
                byte[] bytes = NotificationCodec.encode(n, config);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.flush();
            for (Notification n : sent) {
                Object theirs = received.poll(20, TimeUnit.SECONDS);
                assertEquals(n, asOurs(theirs), "Apache's reading of " + n);
                assertEquals(2L, field(theirs, "sid"));
            }
        }
    }

    @Test
    void twoApacheServersAndOneOfOursElectOneLeader() throws Exception {
        List<QuorumServer> servers = servers(3);
        QuorumPeer one = apachePeer(1, servers);
        QuorumPeer two = apachePeer(2, servers);
        Ours three = ourPeer(3, servers);
        List<Vote> votes = all(ApachePeers.lookForLeader(one), ApachePeers.lookForLeader(two), lookForLeader(three));
        assertOneLeader(votes, 3);
    }

    @Test
    void oneApacheServerJoinsTwoOfOursAndARestartedOneOfOursJoinsBack() throws Exception {
        List<QuorumServer> servers = servers(3);
        Ours one = ourPeer(1, servers);
        Ours two = ourPeer(2, servers);
        QuorumPeer three = apachePeer(3, servers);
        List<Vote> votes = all(lookForLeader(one), lookForLeader(two), ApachePeers.lookForLeader(three));
        assertOneLeader(votes, 3);

        one.election().close();
        Ours restarted = ourPeer(1, servers);
        Vote vote = lookForLeader(restarted).get(30, TimeUnit.SECONDS);
        assertEquals(new Vote(3, 0, votes.get(2).electionEpoch(), 0, PeerState.FOLLOWING), vote,
                "Apache's leader and our follower told the restarted server whom to follow");
        assertEquals(QuorumPeer.ServerState.LEADING, three.getPeerState());
    }

    @Test
    void aRestartedApacheServerJoinsALeaderOfOurs() throws Exception {
        List<QuorumServer> servers = servers(3);
        QuorumPeer one = apachePeer(1, servers);
        Ours two = ourPeer(2, servers);
        Ours three = ourPeer(3, servers);
        List<Vote> votes = all(ApachePeers.lookForLeader(one), lookForLeader(two), lookForLeader(three));
        assertOneLeader(votes, 3);

        ApachePeers.stop(one);
        apache.remove(one);
        await().atMost(WAIT).until(() -> !two.election().connections().isConnected(1));
        QuorumPeer restarted = apachePeer(1, servers);
        Vote vote = ApachePeers.lookForLeader(restarted).get(30, TimeUnit.SECONDS);
        assertEquals(3, vote.leader());
        assertEquals(PeerState.FOLLOWING, vote.state());
        assertEquals(1, three.election().logicalClock(), "our servers ran no new round");
    }

    /** Waits for rounds that all run at once. */
    @SafeVarargs
    private static List<Vote> all(CompletableFuture<Vote>... rounds) throws Exception {
        List<Vote> votes = new ArrayList<>();
        for (CompletableFuture<Vote> round : rounds) {
            votes.add(round.get(30, TimeUnit.SECONDS));
        }
        return votes;
    }

    private static void assertOneLeader(List<Vote> votes, long leader) {
        for (int i = 0; i < votes.size(); i++) {
            Vote vote = votes.get(i);
            assertEquals(leader, vote.leader(), "server " + (i + 1) + " decided " + vote);
            assertEquals(leader == i + 1 ? PeerState.LEADING : PeerState.FOLLOWING, vote.state(), "server " + (i + 1));
        }
    }

    /** The queue Apache's receiver thread puts parsed notifications on while its server is LOOKING. */
    private static BlockingQueue<?> receiveQueue(QuorumPeer peer) throws Exception {
        Field queue = FastLeaderElection.class.getDeclaredField("recvqueue");
        queue.setAccessible(true);
        return (BlockingQueue<?>) queue.get(peer.getElectionAlg());
    }

    private static Notification asOurs(Object theirs) throws Exception {
        QuorumPeer.ServerState state = (QuorumPeer.ServerState) field(theirs, "state");
        return new Notification(PeerState.ofCode(state.ordinal()), (long) field(theirs, "leader"), (long) field(theirs, "zxid"),
                (long) field(theirs, "electionEpoch"), (long) field(theirs, "peerEpoch"), (int) field(theirs, "version"));
    }

    private static Object field(Object notification, String name) throws Exception {
        Field field = FastLeaderElection.Notification.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(notification);
    }
}
