package org.zkplatform.election.fle;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.Settings;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.Vote;
import org.zkplatform.api.time.SystemScheduler;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.election.fle.DriverInbox.InboundMessage;
import org.zkplatform.election.fle.LoopbackEnsemble.Member;
import org.zkplatform.election.fle.NotificationCodec.Decoded;

/**
 * The connection manager over real sockets: the one-connection rule, and what it does with peers
 * that misbehave. Raw {@link Socket}s play the misbehaving peers.
 */
class QuorumConnectionIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private QuorumConnectionManager manager(long sid, Map<Long, InetSocketAddress> addresses,
                                            ConcurrentLinkedQueue<InboundMessage> received) throws Exception {
        Transport transport = LoopbackEnsemble.plainTransport("quorum-" + sid);
        SystemScheduler scheduler = new SystemScheduler("timer-" + sid);
        toClose.add(transport);
        toClose.add(scheduler);
        QuorumConnectionManager manager = new QuorumConnectionManager(sid, addresses.get(sid), addresses, Set.of(), transport,
                scheduler, ElectionSettings.defaults(), received::add);
        toClose.add(manager);
        manager.start();
        return manager;
    }

    @Test
    void twoServersDialingEachOtherAtOnceEndWithOneConnection() throws Exception {
        for (int attempt = 0; attempt < Integer.getInteger("dial.attempts", 10); attempt++) {
            Map<Long, InetSocketAddress> addresses = Map.of(
                    1L, new InetSocketAddress("127.0.0.1", LoopbackEnsemble.freePort()),
                    2L, new InetSocketAddress("127.0.0.1", LoopbackEnsemble.freePort()));
            ConcurrentLinkedQueue<InboundMessage> at1 = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<InboundMessage> at2 = new ConcurrentLinkedQueue<>();
            QuorumConnectionManager one = manager(1, addresses, at1);
            QuorumConnectionManager two = manager(2, addresses, at2);
            CountDownLatch go = new CountDownLatch(1);
            Thread a = new Thread(() -> awaitThen(go, () -> one.toSend(2, new byte[] {1})));
            Thread b = new Thread(() -> awaitThen(go, () -> two.toSend(1, new byte[] {2})));
            a.start();
            b.start();
            go.countDown();
            a.join();
            b.join();

            await().atMost(WAIT).alias("attempt " + attempt).until(() -> one.isConnected(2) && two.isConnected(1)
                    && one.openConnectionCount() == 1 && two.openConnectionCount() == 1
                    && !at1.isEmpty() && !at2.isEmpty() || report(one, two, at1, at2));
            assertEquals(2, at1.peek().message()[0], "each side got the other's message");
            assertEquals(1, at2.peek().message()[0]);
            closeAll();
            toClose.clear();
        }
    }

    @Test
    void aNewConnectionGetsTheLastMessageAgain() throws Exception {
        for (int attempt = 0; attempt < Integer.getInteger("resend.attempts", 1); attempt++) {
            newConnectionGetsTheLastMessageAgain();
            closeAll();
            toClose.clear();
        }
    }

    private void newConnectionGetsTheLastMessageAgain() throws Exception {
        Map<Long, InetSocketAddress> addresses = Map.of(
                1L, new InetSocketAddress("127.0.0.1", LoopbackEnsemble.freePort()),
                2L, new InetSocketAddress("127.0.0.1", LoopbackEnsemble.freePort()));
        ConcurrentLinkedQueue<InboundMessage> at1 = new ConcurrentLinkedQueue<>();
        QuorumConnectionManager two = manager(2, addresses, new ConcurrentLinkedQueue<>());
        two.toSend(1, new byte[] {7}); // server 1 is not up: the message waits
        two.toSend(1, new byte[] {8}); // and is replaced by the newer one
        QuorumConnectionManager one = manager(1, addresses, at1);
        await().atMost(WAIT).until(() -> !at1.isEmpty());
        assertEquals(8, at1.poll().message()[0], "only the newest unsent message goes");
        one.close();
        await().atMost(WAIT).until(() -> !two.isConnected(1));
        QuorumConnectionManager again = manager(1, addresses, at1);
        two.connectAll(); // what the election does when its wait for notifications runs out
        await().atMost(WAIT).until(() -> !at1.isEmpty());
        assertEquals(8, at1.poll().message()[0], "sent again on the new connection");
        assertTrue(again.isConnected(2));
    }

    @Test
    void refusesOurOwnIdUnknownIdsAndBadIntroductionsAndKeepsServing() throws Exception {
        try (LoopbackEnsemble ensemble = new LoopbackEnsemble(3, 0, Settings.empty())) {
            Member one = ensemble.start(1, 0, 0);
            InetSocketAddress address = listening(one);
            assertClosedByServer(address, InitialMessage.encode(1, "127.0.0.1:1"), "our own id");
            assertClosedByServer(address, InitialMessage.encode(9, "127.0.0.1:1"), "an id not configured");
            assertClosedByServer(address, ByteBuffer.allocate(8).putLong(-7).array(), "an unknown protocol version");
            assertClosedByServer(address, ByteBuffer.allocate(20).putLong(InitialMessage.PROTOCOL_V1).putLong(3)
                    .putInt(4_000).array(), "an absurd address length");
            assertClosedByServer(address, ByteBuffer.allocate(20).putLong(InitialMessage.PROTOCOL_V1).putLong(3)
                    .putInt(0).array(), "an empty address");
            byte[] badFrame = concat(InitialMessage.encode(3, "127.0.0.1:1"), ByteBuffer.allocate(4).putInt(600_000).array());
            assertClosedByServer(address, badFrame, "a frame above 512 KiB");
            byte[] zeroFrame = concat(InitialMessage.encode(3, "127.0.0.1:1"), ByteBuffer.allocate(4).putInt(0).array());
            assertClosedByServer(address, zeroFrame, "a frame of length 0");

            try (Socket peer = connect(address)) {
                introduce(peer, 3);
                assertAnswered(peer, one);
            }
        }
    }

    @Test
    void skipsAMalformedNotificationAndKeepsTheConnection() throws Exception {
        try (LoopbackEnsemble ensemble = new LoopbackEnsemble(3, 0, Settings.empty())) {
            Member one = ensemble.start(1, 0, 0);
            try (Socket peer = connect(listening(one))) {
                introduce(peer, 3);
                DataOutputStream out = new DataOutputStream(peer.getOutputStream());
                out.writeInt(10);
                out.write(new byte[10]); // shorter than any notification
                out.writeInt(44);
                out.write(ByteBuffer.allocate(44).putInt(0).putLong(3).putLong(0).putLong(1).putLong(0).putInt(2).putInt(99).array());
                out.flush();
                assertAnswered(peer, one);
            }
        }
    }

    @Test
    void anObserverWithoutAnIdIsAnsweredUnderATemporaryId() throws Exception {
        try (LoopbackEnsemble ensemble = new LoopbackEnsemble(3, 0, Settings.empty())) {
            Member one = ensemble.start(1, 0, 0);
            try (Socket observer = connect(listening(one))) {
                observer.getOutputStream().write(InitialMessage.encode(InitialMessage.OBSERVER_ID, "127.0.0.1:9"));
                assertAnswered(observer, one);
            }
        }
    }

    /** Sends a LOOKING notification and expects server 1, which follows server 2, to say so. */
    private static void assertAnswered(Socket peer, Member one) throws IOException {
        Vote leader = new Vote(2, 0x100000005L, 4, 1, PeerState.FOLLOWING);
        one.peer.adopt(leader);
        DataOutputStream out = new DataOutputStream(peer.getOutputStream());
        byte[] looking = NotificationCodec.encode(Notification.of(PeerState.LOOKING, 3, 0, 1, 0), "version=0".getBytes(StandardCharsets.UTF_8));
        out.writeInt(looking.length);
        out.write(looking);
        out.flush();
        DataInputStream in = new DataInputStream(peer.getInputStream());
        byte[] answer = new byte[in.readInt()];
        in.readFully(answer);
        Notification n = assertInstanceOf(Decoded.Valid.class, NotificationCodec.decode(answer)).notification();
        // A voter is told the leader's round; an observer our logical clock, as ZooKeeper does.
        assertEquals(List.of(PeerState.FOLLOWING, 2L, 0x100000005L, 1L), List.of(n.state(), n.leader(), n.zxid(), n.peerEpoch()));
    }

    private static InetSocketAddress listening(Member member) {
        return member.election.connections().listeningAddress().orElseThrow();
    }

    private static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void introduce(Socket peer, long sid) throws IOException {
        peer.getOutputStream().write(InitialMessage.encode(sid, "127.0.0.1:1"));
    }

    private static void assertClosedByServer(InetSocketAddress address, byte[] bytes, String what) throws IOException {
        try (Socket socket = connect(address)) {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            try {
                int read = socket.getInputStream().read();
                assertEquals(-1, read, "the server should close a connection that sends " + what);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept a connection that sent " + what, e);
            } catch (EOFException | java.net.SocketException e) {
                // reset by the server: closed too
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    /** Prints the state while waiting, so that a timeout shows where it stuck; never true. */
    private static boolean report(QuorumConnectionManager one, QuorumConnectionManager two, ConcurrentLinkedQueue<InboundMessage> at1,
                                  ConcurrentLinkedQueue<InboundMessage> at2) {
        System.out.printf("1: connected %s, open %d, received %d; 2: connected %s, open %d, received %d%n", one.isConnected(2),
                one.openConnectionCount(), at1.size(), two.isConnected(1), two.openConnectionCount(), at2.size());
        return false;
    }

    private static void awaitThen(CountDownLatch latch, Runnable action) {
        try {
            latch.await();
            action.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
