package org.zkplatform.election.fle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.zookeeper.server.quorum.FastLeaderElection;
import org.apache.zookeeper.server.quorum.QuorumCnxManager;
import org.apache.zookeeper.server.quorum.flexible.QuorumHierarchical;
import org.apache.zookeeper.server.quorum.flexible.QuorumMaj;
import org.apache.zookeeper.server.util.ZxidUtils;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.election.LearnerType;
import org.zkplatform.api.election.PeerState;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.QuorumVerifier;
import org.zkplatform.election.fle.NotificationCodec.Decoded;

/**
 * Our election bytes against the ones Apache ZooKeeper 3.9.5's own code writes and reads: its
 * notification builder ({@code FastLeaderElection.buildMsg}), its initial-message parser
 * ({@code QuorumCnxManager.InitialMessage.parse}) and its config text ({@code QuorumMaj} and
 * {@code QuorumHierarchical.toString}).
 */
class ApacheWireFormatTest {

    private static final Method BUILD_MSG = method("buildMsg", int.class, long.class, long.class, long.class, long.class, byte[].class);
    private static final Method BUILD_MSG_40 = method("buildMsg", int.class, long.class, long.class, long.class, long.class);

    private static Method method(String name, Class<?>... types) {
        try {
            Method method = FastLeaderElection.class.getDeclaredMethod(name, types);
            method.setAccessible(true); // package-private in ZooKeeper
            return method;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("ZooKeeper's FastLeaderElection changed: " + e);
        }
    }

    private static byte[] apacheNotification(PeerState state, long leader, long zxid, long round, long epoch, byte[] config)
            throws Exception {
        return ((ByteBuffer) BUILD_MSG.invoke(null, state.code(), leader, zxid, round, epoch, config)).array();
    }

    @Test
    void ourNotificationsAreByteForByteApaches() throws Exception {
        Random random = new Random(42);
        byte[] config = "server.1=127.0.0.1:2888:3888:participant\nversion=0".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 500; i++) {
            PeerState state = PeerState.values()[random.nextInt(4)];
            long leader = random.nextInt(256);
            long zxid = random.nextLong();
            long round = random.nextLong();
            long epoch = random.nextLong();
            byte[] theirs = apacheNotification(state, leader, zxid, round, epoch, config);
            byte[] ours = NotificationCodec.encode(Notification.of(state, leader, zxid, round, epoch), config);
            assertArrayEquals(theirs, ours, "notification " + i);
            Decoded.Valid valid = assertInstanceOf(Decoded.Valid.class, NotificationCodec.decode(theirs));
            assertEquals(Notification.of(state, leader, zxid, round, epoch), valid.notification());
        }
    }

    @Test
    void readsApachesFortyByteNotificationAsVersionZero() throws Exception {
        byte[] theirs = ((ByteBuffer) BUILD_MSG_40.invoke(null, 2, 3L, 0x400000002L, 7L, 4L)).array();
        assertEquals(40, theirs.length);
        Decoded.Valid valid = assertInstanceOf(Decoded.Valid.class, NotificationCodec.decode(theirs));
        assertEquals(new Notification(PeerState.LEADING, 3, 0x400000002L, 7, 4, 0), valid.notification());
    }

    @Test
    void readsTheEpochOfA28ByteNotificationAsApacheDoes() {
        for (long zxid : new long[] {0, 0x500000003L, -1L, Long.MIN_VALUE, 0xFFFFFFFF00000000L}) {
            byte[] legacy = ByteBuffer.allocate(28).putInt(0).putLong(1).putLong(zxid).putLong(1).array();
            Decoded.Valid valid = assertInstanceOf(Decoded.Valid.class, NotificationCodec.decode(legacy));
            assertEquals(ZxidUtils.getEpochFromZxid(zxid), valid.notification().peerEpoch(), "zxid " + Long.toHexString(zxid));
        }
    }

    @Test
    void apacheParsesOurInitialMessage() throws Exception {
        byte[] ours = InitialMessage.encode(3, "127.0.0.1:3890");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(ours));
        long protocolVersion = in.readLong();
        assertEquals(QuorumCnxManager.PROTOCOL_VERSION_V1, protocolVersion);
        QuorumCnxManager.InitialMessage theirs = QuorumCnxManager.InitialMessage.parse(protocolVersion, in);
        assertEquals(3L, theirs.sid);
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 3890)), theirs.electionAddr);
        assertEquals(-1, in.read(), "Apache read exactly our bytes");
    }

    @Test
    void ourConfigTextIsApachesQuorumMajText() throws Exception {
        List<QuorumServer> servers = List.of(
                ConfigTextTest.server(1, "127.0.0.1", 2888, 3888, LearnerType.PARTICIPANT, 1, 0),
                ConfigTextTest.server(2, "localhost", 2889, 3889, LearnerType.PARTICIPANT, 1, 0),
                ConfigTextTest.server(3, "127.0.0.1", 2890, 3890, LearnerType.OBSERVER, 1, 0));
        Properties properties = new Properties();
        properties.setProperty("server.1", "127.0.0.1:2888:3888:participant");
        properties.setProperty("server.2", "localhost:2889:3889:participant");
        properties.setProperty("server.3", "127.0.0.1:2890:3890:observer");
        assertEquals(new QuorumMaj(properties).toString(), ConfigText.of(servers, QuorumVerifier.of(servers)));
    }

    @Test
    void ourConfigTextIsApachesQuorumHierarchicalText() throws Exception {
        List<QuorumServer> servers = new ArrayList<>();
        Properties properties = new Properties();
        long[][] layout = {{1, 1, 1}, {2, 1, 2}, {3, 2, 1}, {4, 2, 0}, {5, 3, 1}};
        for (long[] server : layout) {
            servers.add(ConfigTextTest.server(server[0], "127.0.0.1", 2000 + (int) server[0], 3000 + (int) server[0],
                    LearnerType.PARTICIPANT, server[2], server[1]));
            properties.setProperty("server." + server[0], "127.0.0.1:" + (2000 + server[0]) + ":" + (3000 + server[0]) + ":participant");
            properties.setProperty("weight." + server[0], Long.toString(server[2]));
        }
        properties.setProperty("group.1", "1:2");
        properties.setProperty("group.2", "3:4");
        properties.setProperty("group.3", "5");
        assertEquals(new QuorumHierarchical(properties).toString(), ConfigText.of(servers, QuorumVerifier.of(servers)));
    }
}
