package org.zkplatform.dist.cli.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkplatform.api.auth.Id;
import org.zkplatform.dist.compat.ApacheZkServer;
import org.zkplatform.dist.compat.ServerOptions;
import org.zkplatform.dist.compat.ServerUnderTest;
import org.zkplatform.dist.compat.ZkPlatformServer;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.ClientInfo;
import org.zkplatform.zab.proto.CreateMode;
import org.zkplatform.zab.proto.EventType;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.KeeperState;
import org.zkplatform.zab.proto.Perms;
import org.zkplatform.zab.proto.Stat;

/**
 * The CLI's client against servers in this JVM: every operation against ours and against Apache
 * ZooKeeper 3.9.5 alike, and its session handling (pings, moving to another server, expiry)
 * through a {@link TcpProxy} that breaks or freezes connections.
 */
class ZkClientTest {

    private static final List<Acl> OPEN = List.of(new Acl(Perms.ALL, new Id("world", "anyone")));
    private static final long EVENT_WAIT_SECONDS = 10;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"zkplatform", "apache"})
    void answersEveryOperationLikeApacheZooKeeper(String kind) throws Exception {
        try (ServerUnderTest server = start(kind, ServerOptions.defaults().withExtendedTypes(true));
                ZkClient client = connect(server, 30_000, event -> { })) {
            assertEquals("/a", client.create("/a", "one".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT, 0).path());
            assertEquals("/a/s0000000000", client.create("/a/s", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL, 0).path());
            assertEquals(client.sessionId(), client.create("/a/e", null, OPEN, CreateMode.EPHEMERAL, 0).stat()
                    .ephemeralOwner());
            client.create("/c", null, OPEN, CreateMode.CONTAINER, 0);
            client.create("/t", null, OPEN, CreateMode.PERSISTENT_WITH_TTL, 60_000);

            assertArrayEquals("one".getBytes(UTF_8), client.getData("/a", false).data());
            assertNull(client.getData("/a/s0000000000", false).data(), "a node created without data has none");
            assertEquals(List.of("e", "s0000000000"), sorted(client.getChildren("/a", false).children()));
            assertEquals(2, client.getChildren("/a", false).stat().numChildren());
            Stat set = client.setData("/a", "two".getBytes(UTF_8), 0);
            assertEquals(1, set.version());
            assertTrue(client.exists("/a", false).isPresent());
            assertTrue(client.exists("/nope", false).isEmpty());
            client.sync("/a");

            assertKeeperError(KeeperError.BAD_VERSION, "/a", () -> client.setData("/a", new byte[0], 0));
            assertKeeperError(KeeperError.NODE_EXISTS, "/a", () -> client.create("/a", null, OPEN, CreateMode.PERSISTENT, 0));
            assertKeeperError(KeeperError.NO_NODE, "/x/y", () -> client.create("/x/y", null, OPEN, CreateMode.PERSISTENT, 0));
            assertKeeperError(KeeperError.NOT_EMPTY, "/a", () -> client.delete("/a", -1));
            assertKeeperError(KeeperError.NO_NODE, "/nope", () -> client.getData("/nope", false));

            client.addAuth("digest", "alice:secret".getBytes(UTF_8));
            assertTrue(client.whoAmI().contains(new ClientInfo("digest", "alice")), client.whoAmI().toString());
            List<Acl> alice = List.of(new Acl(Perms.ALL, new Id("digest", digest("alice:secret"))));
            assertEquals(1, client.setAcl("/a/s0000000000", alice, 0).aversion());
            assertEquals(alice, client.getAcl("/a/s0000000000").acl());
            assertKeeperError(KeeperError.BAD_VERSION, "/a/s0000000000", () -> client.setAcl("/a/s0000000000", OPEN, 0));

            client.delete("/a/s0000000000", 0);
            assertTrue(client.exists("/a/s0000000000", false).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zkplatform", "apache"})
    void aNodeWithAnAclOthersCannotReadRefusesThem(String kind) throws Exception {
        try (ServerUnderTest server = start(kind, ServerOptions.defaults());
                ZkClient owner = connect(server, 30_000, event -> { });
                ZkClient other = connect(server, 30_000, event -> { })) {
            owner.addAuth("digest", "bob:pw".getBytes(UTF_8));
            owner.create("/secret", "x".getBytes(UTF_8), List.of(new Acl(Perms.ALL, new Id("digest", digest("bob:pw")))),
                    CreateMode.PERSISTENT, 0);

            assertKeeperError(KeeperError.NO_AUTH, "/secret", () -> other.getData("/secret", false));
            KeeperException rejected = assertThrows(KeeperException.class, () -> other.addAuth("nosuchscheme", new byte[1]));
            assertEquals(KeeperError.AUTH_FAILED, rejected.code());
            other.addAuth("digest", "bob:pw".getBytes(UTF_8));
            assertArrayEquals("x".getBytes(UTF_8), other.getData("/secret", false).data(),
                    "the session goes on after a rejected auth, and takes the next");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zkplatform", "apache"})
    void watchesFireOnceForDataChildrenAndCreation(String kind) throws Exception {
        BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
        try (ServerUnderTest server = start(kind, ServerOptions.defaults());
                ZkClient client = connect(server, 30_000, events::add)) {
            client.create("/w", null, OPEN, CreateMode.PERSISTENT, 0);
            client.getData("/w", true);
            client.getChildren("/w", true);
            assertTrue(client.exists("/later", true).isEmpty());

            client.setData("/w", "1".getBytes(UTF_8), -1);
            client.setData("/w", "2".getBytes(UTF_8), -1);
            client.create("/w/kid", null, OPEN, CreateMode.PERSISTENT, 0);
            client.create("/later", null, OPEN, CreateMode.PERSISTENT, 0);

            assertEvent(events, EventType.NODE_DATA_CHANGED, "/w");
            assertEvent(events, EventType.NODE_CHILDREN_CHANGED, "/w");
            assertEvent(events, EventType.NODE_CREATED, "/later");
            client.sync("/");
            assertNull(events.poll(200, TimeUnit.MILLISECONDS), "a watch fires once");
        }
    }

    @Test
    void closingTheSessionDeletesItsEphemeralsAtOnce() throws Exception {
        try (ServerUnderTest server = start("zkplatform", ServerOptions.defaults());
                ZkClient observer = connect(server, 30_000, event -> { })) {
            ZkClient client = connect(server, 30_000, event -> { });
            client.create("/eph", null, OPEN, CreateMode.EPHEMERAL, 0);

            client.close();
            client.close();

            assertTrue(observer.exists("/eph", false).isEmpty());
            assertEquals(ClientState.CLOSED, client.state());
            ConnectionException closed = assertThrows(ConnectionException.class, () -> client.exists("/", false));
            assertEquals("Session closed", closed.getMessage());
        }
    }

    @Test
    void aServerThatRefusesConnectionsIsNamedWithTheReason() throws Exception {
        int port1 = closedPort();
        int port2 = closedPort();
        ConnectionException e = assertThrows(ConnectionException.class, () -> ZkClient.connect(
                new ClientConfig(List.of(new HostPort("127.0.0.1", port1), new HostPort("127.0.0.1", port2)), 5000),
                event -> { }));

        assertEquals("Cannot connect to 127.0.0.1:" + port1 + ": Connection refused, 127.0.0.1:" + port2
                + ": Connection refused", e.getMessage());
    }

    @Test
    void pingsKeepAnIdleSessionAliveLongPastItsTimeout() throws Exception {
        try (ServerUnderTest server = start("zkplatform", ServerOptions.defaults().withTickTime(100));
                ZkClient client = connect(server, 1000, event -> { });
                ZkClient observer = connect(server, 30_000, event -> { })) {
            client.create("/alive", null, OPEN, CreateMode.EPHEMERAL, 0);

            Thread.sleep(3 * client.sessionTimeoutMs());

            assertEquals(ClientState.CONNECTED, client.state());
            assertTrue(observer.exists("/alive", false).isPresent(), "the session expired although idle, not dead");
        }
    }

    @Test
    void aDroppedConnectionMovesTheSessionToTheNextServerWithItsWatchesAndCredentials() throws Exception {
        BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
        try (ServerUnderTest server = start("zkplatform", ServerOptions.defaults());
                TcpProxy first = TcpProxy.to(server.clientAddress());
                TcpProxy second = TcpProxy.to(server.clientAddress());
                ZkClient other = connect(server, 30_000, event -> { })) {
            ZkClient client = ZkClient.connect(new ClientConfig(List.of(first.address(), second.address()), 30_000),
                    events::add);
            try {
                client.addAuth("digest", "carol:pw".getBytes(UTF_8));
                client.create("/moved", null, OPEN, CreateMode.EPHEMERAL, 0);
                client.getData("/moved", true);
                long session = client.sessionId();

                first.close();

                assertEvent(events, KeeperState.DISCONNECTED);
                assertEvent(events, KeeperState.SYNC_CONNECTED);
                assertEquals(second.address(), client.server());
                assertEquals(session, client.sessionId());
                assertTrue(client.whoAmI().contains(new ClientInfo("digest", "carol")), "credentials sent again");
                other.setData("/moved", "changed".getBytes(UTF_8), -1);
                assertEvent(events, EventType.NODE_DATA_CHANGED, "/moved");
                assertEquals(session, other.exists("/moved", false).orElseThrow().ephemeralOwner());
            } finally {
                client.close();
            }
        }
    }

    @Test
    void aSessionThatExpiredWhileCutOffIsReportedExpired() throws Exception {
        BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
        try (ServerUnderTest server = start("zkplatform", ServerOptions.defaults().withTickTime(100));
                TcpProxy proxy = TcpProxy.to(server.clientAddress());
                ZkClient observer = connect(server, 30_000, event -> { })) {
            ZkClient client = ZkClient.connect(new ClientConfig(List.of(proxy.address()), 1500), events::add);
            try {
                client.create("/gone", null, OPEN, CreateMode.EPHEMERAL, 0);
                int timeout = client.sessionTimeoutMs();

                // The server hears nothing for longer than the timeout; the client, cut off for
                // two thirds of it, tries to come back and is held at the proxy until then.
                proxy.hold();
                assertEvent(events, KeeperState.DISCONNECTED);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EVENT_WAIT_SECONDS);
                while (observer.exists("/gone", false).isPresent() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertFalse(observer.exists("/gone", false).isPresent(), "the server did not expire the session");
                proxy.release();

                assertEvent(events, KeeperState.EXPIRED);
                assertEquals(ClientState.EXPIRED, client.state());
                ConnectionException expired = assertThrows(ConnectionException.class, () -> client.exists("/", false));
                assertEquals("Session expired", expired.getMessage());
                assertTrue(timeout <= 1500, "negotiated " + timeout);
            } finally {
                client.close();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private ServerUnderTest start(String kind, ServerOptions options) {
        Path serverDir = dir.resolve(kind + "-" + System.nanoTime());
        return kind.equals("apache") ? ApacheZkServer.start(serverDir, options) : ZkPlatformServer.start(serverDir, options);
    }

    private static ZkClient connect(ServerUnderTest server, int timeoutMs,
            java.util.function.Consumer<WatchEvent> listener) throws ConnectionException {
        HostPort address = new HostPort("127.0.0.1", server.clientAddress().getPort());
        return ZkClient.connect(new ClientConfig(List.of(address), timeoutMs), listener);
    }

    private static void assertKeeperError(KeeperError code, String path, Request request) {
        KeeperException e = assertThrows(KeeperException.class, request::run);
        assertEquals(code, e.code());
        assertEquals(path, e.path().orElse(null));
    }

    @FunctionalInterface
    private interface Request {
        void run() throws Exception;
    }

    private static void assertEvent(BlockingQueue<WatchEvent> events, EventType type, String path) throws Exception {
        WatchEvent event = events.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotEquals(null, event, "no " + type + " event for " + path);
        assertEquals(type, event.type(), event.toString());
        assertEquals(path, event.path());
        assertEquals(KeeperState.SYNC_CONNECTED, event.state());
        assertTrue(event.zxid() > 0, event.toString());
    }

    private static void assertEvent(BlockingQueue<WatchEvent> events, KeeperState state) throws Exception {
        WatchEvent event = events.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotEquals(null, event, "no " + state + " event within " + Duration.ofSeconds(EVENT_WAIT_SECONDS));
        assertEquals(new WatchEvent(state, EventType.NONE, null, -1), event);
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    /** ZooKeeper's digest of {@code user:password}: user, then base64 of SHA-1 of the whole. */
    static String digest(String userPassword) throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(userPassword.getBytes(UTF_8));
        return userPassword.substring(0, userPassword.indexOf(':')) + ":" + Base64.getEncoder().encodeToString(sha1);
    }

    /** A port nothing listens on, found by opening and closing one. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
