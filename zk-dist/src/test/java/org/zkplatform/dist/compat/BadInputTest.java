package org.zkplatform.dist.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.jute.BinaryOutputArchive;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.RequestHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Hostile and broken bytes on the client port: each closes its own connection with one WARN
 * line, and a well-behaved client on another connection neither notices nor loses data.
 */
class BadInputTest {

    private static final byte[] KEPT = "acknowledged".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private ServerUnderTest server;
    private ZooKeeper client;
    private ListAppender<ILoggingEvent> warnings;

    @BeforeEach
    void start() throws Exception {
        server = ZkPlatformServer.start(dir, ServerOptions.defaults());
        CountDownLatch connected = new CountDownLatch(1);
        client = new ZooKeeper(server.connectString(), 30_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(connected.await(30, TimeUnit.SECONDS));
        client.create("/kept", KEPT, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        warnings = new ListAppender<>();
        warnings.start();
        ((Logger) LoggerFactory.getLogger("org.zkplatform.zab.server.ClientPort")).addAppender(warnings);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger("org.zkplatform.zab.server.ClientPort")).detachAppender(warnings);
        client.close();
        server.close();
    }

    private void assertServerClosed(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        try {
            byte[] buffer = new byte[4096];
            for (int reads = 0; reads < 1000; reads++) {
                if (in.read(buffer) < 0) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open", e);
        } catch (IOException reset) {
            return;
        }
        throw new AssertionError("the server kept sending");
    }

    private void assertUnharmed(int expectedWarnings) throws Exception {
        assertArrayEquals(KEPT, client.getData("/kept", false, null), "an acknowledged write was lost");
        String created = client.create("/after-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT_SEQUENTIAL);
        assertTrue(created.startsWith("/after-"));
        List<ILoggingEvent> warns = warnings.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertEquals(expectedWarnings, warns.size(), "expected one WARN per bad connection: " + warns);
        for (ILoggingEvent warn : warns) {
            assertTrue(warn.getFormattedMessage().startsWith("Closing connection from /127.0.0.1:"),
                    warn.getFormattedMessage());
            assertEquals(null, warn.getThrowableProxy(), "no stack trace for bad input");
        }
    }

    private Socket open() throws IOException {
        return new Socket("127.0.0.1", server.clientAddress().getPort());
    }

    @Test
    void aFrameLongerThanJuteMaxBufferClosesOnlyThatConnection() throws Exception {
        try (Socket socket = open()) {
            new DataOutputStream(socket.getOutputStream()).writeInt(1_048_576);
            assertServerClosed(socket);
        }
        assertUnharmed(1);
        assertTrue(warnings.list.get(0).getFormattedMessage().contains("frame length 1048576 is outside 0..1048575"));
    }

    @Test
    void negativeAndAbsurdLengthsCloseTheirConnections() throws Exception {
        for (int length : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            try (Socket socket = open()) {
                new DataOutputStream(socket.getOutputStream()).writeInt(length);
                assertServerClosed(socket);
            }
        }
        assertUnharmed(3);
    }

    @Test
    void garbageBytesCloseTheirConnection() throws Exception {
        Random random = new Random(42);
        for (int attempt = 0; attempt < 20; attempt++) {
            byte[] garbage = new byte[1 + random.nextInt(2000)];
            random.nextBytes(garbage);
            // Stay away from the four-letter words, which are answered, not refused.
            garbage[0] = (byte) 0xF0;
            try (Socket socket = open()) {
                socket.getOutputStream().write(garbage);
                assertServerClosed(socket);
            }
        }
        assertArrayEquals(KEPT, client.getData("/kept", false, null));
    }

    @Test
    void aTruncatedFrameIsDroppedWhenItsConnectionCloses() throws Exception {
        try (Socket socket = open()) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(100);
            out.write(new byte[40]);
            out.flush();
        }
        assertUnharmed(0);
    }

    @Test
    void aRequestBeforeTheSessionRequestClosesTheConnection() throws Exception {
        try (Socket socket = open()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            new RequestHeader(1, ZooDefs.OpCode.getData).serialize(BinaryOutputArchive.getArchive(body), "header");
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(body.size());
            out.write(body.toByteArray());
            out.flush();
            assertServerClosed(socket);
        }
        assertUnharmed(1);
        assertTrue(warnings.list.get(0).getFormattedMessage().contains("malformed session request"));
    }

    @Test
    void anUnknownOpCodeIsUnimplementedAndClosesTheConnection() throws Exception {
        try (Socket socket = open()) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            frame(out, new ConnectRequest(0, 0L, 30_000, 0L, new byte[16], false));
            frame(out, new RequestHeader(7, 999));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            socket.setSoTimeout(10_000);
            byte[] connectResponse = new byte[in.readInt()];
            in.readFully(connectResponse);
            int length = in.readInt();
            ByteBuffer reply = ByteBuffer.wrap(in.readNBytes(length));
            assertEquals(7, reply.getInt(), "xid");
            reply.getLong();
            assertEquals(-6, reply.getInt(), "Unimplemented");
            assertServerClosed(socket);
        }
        assertArrayEquals(KEPT, client.getData("/kept", false, null));
    }

    private static void frame(DataOutputStream out, org.apache.jute.Record record) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        record.serialize(BinaryOutputArchive.getArchive(body), "r");
        out.writeInt(body.size());
        out.write(body.toByteArray());
        out.flush();
    }
}
