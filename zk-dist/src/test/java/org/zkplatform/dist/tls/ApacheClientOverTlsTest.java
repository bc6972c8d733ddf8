package org.zkplatform.dist.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.dist.ExitCode;
import org.zkplatform.dist.StartupException;

/** The Apache ZooKeeper 3.9.5 client against our server over TLS: its Netty socket, its ssl.* settings. */
class ApacheClientOverTlsTest {

    private static final int SESSION_TIMEOUT_MILLIS = 10_000;

    @TempDir
    Path dir;
    private TlsFiles files;

    @BeforeEach
    void certificates() throws Exception {
        files = TlsFiles.create(dir.resolve("certs"));
    }

    @Test
    void runsTheBasicOperationsOverTls() throws Exception {
        try (TlsServer server = TlsServer.start(dir, "zk.client.transport = tls\n" + files.hoconStores());
             ZooKeeper zk = connect(server.clientAddress(), files.clientConfig(files.client1()))) {
            CountDownLatch changed = new CountDownLatch(1);
            assertEquals("/tls", zk.create("/tls", bytes("one"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            zk.create("/tls/child-", bytes(""), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
            assertArrayEquals(bytes("one"), zk.getData("/tls", event -> changed.countDown(), null));
            Stat stat = zk.setData("/tls", bytes("two"), 0);
            assertEquals(1, stat.getVersion());
            assertTrue(changed.await(10, TimeUnit.SECONDS), "the data watch fired");
            assertEquals(List.of("child-0000000000"), zk.getChildren("/tls", false));
            zk.delete("/tls/child-0000000000", -1);
            zk.delete("/tls", 1);
            assertNull(zk.exists("/tls", false));
        }
    }

    @Test
    void servesPlainAndSecurePortsSideBySide() throws Exception {
        int securePort = TlsServer.freePort();
        try (TlsServer server = TlsServer.start(dir, "zk.client.secure-port = " + securePort + "\n" + files.hoconStores());
             ZooKeeper plain = connect(server.clientAddress(), new ZKClientConfig());
             ZooKeeper secure = connect(server.secureClientAddress(), files.clientConfig(files.client1()))) {
            assertEquals(securePort, server.secureClientAddress().getPort());
            plain.create("/shared", bytes("written in plaintext"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertArrayEquals(bytes("written in plaintext"), secure.getData("/shared", false, null));
            secure.setData("/shared", bytes("written over TLS"), -1);
            assertArrayEquals(bytes("written over TLS"), plain.getData("/shared", false, null));
            assertTrue(fourLetterWord(server.clientAddress(), "conf").contains("secureClientPort=" + securePort));
        }
    }

    @Test
    void aUnifiedPortServesPlainAndTlsClients() throws Exception {
        try (TlsServer server = TlsServer.start(dir, "zk.client.transport = tls\nzk.transport.tls.mode = unified\n"
                + files.hoconStores());
             ZooKeeper plain = connect(server.clientAddress(), new ZKClientConfig());
             ZooKeeper secure = connect(server.clientAddress(), files.clientConfig(files.client1()))) {
            plain.create("/unified", bytes("x"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertNotNull(secure.exists("/unified", false));
            assertEquals("imok", fourLetterWord(server.clientAddress(), "ruok"));
        }
    }

    @Test
    void aClientWithACertificateFromAnotherCaIsRefusedWhileOthersWork() throws Exception {
        try (TlsServer server = TlsServer.start(dir, "zk.client.transport = tls\n" + files.hoconStores());
             ZooKeeper good = connect(server.clientAddress(), files.clientConfig(files.client1()))) {
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper rogue = new ZooKeeper(TlsServer.connectString(server.clientAddress()), SESSION_TIMEOUT_MILLIS,
                    connectedTo(connected), files.clientConfig(files.rogue()));
            try {
                assertFalse(connected.await(3, TimeUnit.SECONDS), "the rogue client must not connect");
            } finally {
                rogue.close();
            }
            good.create("/still-serving", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            try (ZooKeeper another = connect(server.clientAddress(), files.clientConfig(files.client2()))) {
                assertNotNull(another.exists("/still-serving", false));
            }
        }
    }

    @Test
    void anX509AclGrantsTheNamedCertificateOnly() throws Exception {
        int securePort = TlsServer.freePort();
        try (TlsServer server = TlsServer.start(dir, "zk.client.secure-port = " + securePort + "\n" + files.hoconStores());
             ZooKeeper client1 = connect(server.secureClientAddress(), files.clientConfig(files.client1()));
             ZooKeeper client2 = connect(server.secureClientAddress(), files.clientConfig(files.client2()));
             ZooKeeper plain = connect(server.clientAddress(), new ZKClientConfig())) {
            List<ACL> onlyClient1 = acl(new ACL(ZooDefs.Perms.ALL, new Id("x509", TlsFiles.CLIENT1_DN)));
            client1.create("/secret", bytes("for client1"), onlyClient1, CreateMode.PERSISTENT);

            assertArrayEquals(bytes("for client1"), client1.getData("/secret", false, null));
            assertThrows(KeeperException.NoAuthException.class, () -> client2.getData("/secret", false, null));
            assertThrows(KeeperException.NoAuthException.class, () -> plain.getData("/secret", false, null));

            // The auth scheme expands to the creator's certificate id.
            client2.create("/mine", new byte[0], ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
            assertEquals(List.of(new ACL(ZooDefs.Perms.ALL, new Id("x509", TlsFiles.CLIENT2_DN))),
                    client2.getACL("/mine", new Stat()));
            assertThrows(KeeperException.NoAuthException.class, () -> client1.setData("/mine", new byte[1], -1));
        }
    }

    @Test
    void startsFromAZooCfgWithASecureClientPort() throws Exception {
        int port = TlsServer.freePort();
        int securePort = TlsServer.freePort();
        Path zooCfg = Files.writeString(dir.resolve("zoo.cfg"), String.join("\n",
                "tickTime=2000",
                "dataDir=" + dir.resolve("zoo-data"),
                "clientPortAddress=127.0.0.1",
                "clientPort=" + port,
                "secureClientPortAddress=127.0.0.1",
                "secureClientPort=" + securePort,
                "admin.enableServer=false",
                "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
                "ssl.keyStore.location=" + files.serverKeyStore(),
                "ssl.keyStore.password=" + TestCertificates.PASSWORD,
                "ssl.trustStore.location=" + files.trustStore(),
                "ssl.trustStore.password=" + TestCertificates.PASSWORD,
                "ssl.clientAuth=need",
                "X509AuthenticationProvider.superUser=" + TlsFiles.CLIENT2_DN,
                ""));
        try (TlsServer server = TlsServer.startFrom(dir, zooCfg);
             ZooKeeper secure = connect(new InetSocketAddress("127.0.0.1", securePort),
                     files.clientConfig(files.client1()));
             ZooKeeper superUser = connect(new InetSocketAddress("127.0.0.1", securePort),
                     files.clientConfig(files.client2()));
             ZooKeeper plain = connect(new InetSocketAddress("127.0.0.1", port), new ZKClientConfig())) {
            secure.create("/from-zoo-cfg", bytes("y"), acl(new ACL(ZooDefs.Perms.ALL,
                    new Id("x509", TlsFiles.CLIENT1_DN))), CreateMode.PERSISTENT);
            assertThrows(KeeperException.NoAuthException.class, () -> plain.getData("/from-zoo-cfg", false, null));
            assertArrayEquals(bytes("y"), superUser.getData("/from-zoo-cfg", false, null));
        }
    }

    @Test
    void aWrongKeyStorePasswordStopsTheStartWithTheFileNamed() {
        StartupException e = assertThrows(StartupException.class, () -> TlsServer.start(dir,
                "zk.client.transport = tls\n" + files.hoconStores() + "zk.transport.tls.key-store.password = wrong\n"));
        assertEquals(ExitCode.INVALID_CONFIG, e.exitCode(), e.getMessage());
        assertEquals("bad value for zk.transport.tls.key-store.password: '(hidden)'; allowed: the password of "
                + files.serverKeyStore() + " (it does not open with this one)", e.getMessage());
    }

    private static ZooKeeper connect(InetSocketAddress address, ZKClientConfig config) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(TlsServer.connectString(address), SESSION_TIMEOUT_MILLIS, connectedTo(connected),
                config);
        if (!connected.await(15, TimeUnit.SECONDS)) {
            zk.close();
            throw new AssertionError("no session with " + address + " within 15 s");
        }
        return zk;
    }

    private static Watcher connectedTo(CountDownLatch connected) {
        return event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        };
    }

    private static String fourLetterWord(InetSocketAddress address, String word) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** A mutable list: the Apache client asks it whether it contains null, which List.of refuses. */
    private static List<ACL> acl(ACL entry) {
        return new ArrayList<>(List.of(entry));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
