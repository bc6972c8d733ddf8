package org.zkplatform.dist.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data dir written by Apache ZooKeeper 3.9.5 loads in our server with the same tree (paths,
 * data, every Stat field, ACLs) and the same open sessions with their ephemerals; and the other
 * way round. Each direction runs once from a first snapshot plus the txn log, and once where
 * snapshots were taken midway so the loader must pick a snapshot and replay the log after it.
 */
class DataDirInteropTest {

    private static final long SEED = 20240611L;

    @TempDir
    Path dir;

    private final List<AutoCloseable> servers = new ArrayList<>();
    private final List<ZooKeeper> clients = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        Clients.closeAll(clients);
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void anApacheDataDirLoadsInOurs() throws Exception {
        Path data = dir.resolve("apache-data");
        ApacheServerOnDir apache = started(ApacheServerOnDir.start(data));
        Written written = write(apache.port(), 60, null);
        stop(apache);

        OurServerOnDir ours = started(OurServerOnDir.start(data, dir.resolve("ours")));
        assertSameTreeAndSessions(written, ours.port());
    }

    @Test
    void anApacheDataDirWithASnapshotTakenMidwayLoadsInOurs() throws Exception {
        Path data = dir.resolve("apache-data");
        ApacheServerOnDir apache = started(ApacheServerOnDir.start(data));
        Written written = write(apache.port(), 200, apache::takeSnapshot);
        stop(apache);
        assertTrue(DataDirFiles.of(data).snapshots().size() >= 2, "Apache took no snapshot midway");

        OurServerOnDir ours = started(OurServerOnDir.start(data, dir.resolve("ours")));
        assertSameTreeAndSessions(written, ours.port());
    }

    @Test
    void ourDataDirLoadsInApache() throws Exception {
        Path data = dir.resolve("our-data");
        OurServerOnDir ours = started(OurServerOnDir.start(data, dir.resolve("ours")));
        Written written = write(ours.port(), 60, null);
        stop(ours);
        DataDirFiles files = DataDirFiles.of(data);
        assertEquals(1, files.snapshots().size(), "snapshot.0 only: " + files);
        assertFalse(files.logs().isEmpty(), "no txn log: " + files);

        ApacheServerOnDir apache = started(ApacheServerOnDir.start(data));
        assertSameTreeAndSessions(written, apache.port());
    }

    @Test
    void ourDataDirWithSnapshotsAndRolledLogsLoadsInApache() throws Exception {
        Path data = dir.resolve("our-data");
        OurServerOnDir ours = started(OurServerOnDir.start(data, dir.resolve("ours"), "zk.snapshot.count = 100"));
        Written written = write(ours.port(), 400, null);
        stop(ours);
        DataDirFiles files = DataDirFiles.of(data);
        assertTrue(files.snapshots().size() >= 3, "expected snapshots taken midway: " + files);
        assertTrue(files.logs().size() >= 3, "expected rolled logs: " + files);

        ApacheServerOnDir apache = started(ApacheServerOnDir.start(data));
        assertSameTreeAndSessions(written, apache.port());
    }

    /** What the first server was left holding when it stopped. */
    private record Written(TreeImage tree, List<OpenSession> openSessions) {
    }

    /** Something to run between the mix and the bulk writes: a snapshot, say. */
    private interface Midway {
        void run() throws IOException;
    }

    private Written write(int port, int bulkTxns, Midway midway) throws Exception {
        ZooKeeper writer = client(port);
        writer.addAuthInfo("digest", InteropWorkload.DIGEST_AUTH.getBytes());
        InteropWorkload workload = new InteropWorkload(writer, SEED);
        workload.mix();

        List<OpenSession> open = new ArrayList<>();
        for (String owner : List.of("o1", "o2")) {
            ZooKeeper session = client(port);
            InteropWorkload.createEphemerals(session, owner);
            open.add(OpenSession.of(session));
        }
        ZooKeeper closed = Clients.connect(port);
        InteropWorkload.createEphemerals(closed, "closed");
        closed.close(Clients.CLOSE_TIMEOUT_MS);

        workload.bulk(bulkTxns / 2);
        if (midway != null) {
            midway.run();
        }
        workload.bulk(bulkTxns - bulkTxns / 2);
        return new Written(readTree(port), open);
    }

    private void assertSameTreeAndSessions(Written before, int port) throws Exception {
        TreeImage after = readTree(port);
        List<String> differences = before.tree().differencesFrom(after);
        assertTrue(differences.isEmpty(), differences.size() + " differences after the restart:\n"
                + String.join("\n", differences));

        for (OpenSession session : before.openSessions()) {
            assertFalse(session.ephemerals().isEmpty());
            assertEquals(session.ephemerals(), session.ephemeralsAfterResumingOn(port),
                    session.describe() + " after the restart");
        }

        ZooKeeper zk = client(port);
        Stat stat = new Stat();
        zk.create("/interop/after-restart", new byte[] {1}, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, stat);
        assertTrue(stat.getCzxid() > before.tree().highestZxid(), "a new write got zxid 0x"
                + Long.toHexString(stat.getCzxid()) + ", not after 0x" + Long.toHexString(before.tree().highestZxid()));
    }

    private TreeImage readTree(int port) throws KeeperException, InterruptedException {
        ZooKeeper reader = client(port);
        reader.addAuthInfo("digest", InteropWorkload.DIGEST_AUTH.getBytes());
        return TreeImage.read(reader);
    }

    private ZooKeeper client(int port) {
        ZooKeeper zk = Clients.connect(port);
        clients.add(zk);
        return zk;
    }

    private <T extends AutoCloseable> T started(T server) {
        servers.add(server);
        return server;
    }

    /** Stops a server with its clients still open, so their sessions and ephemerals stay in the data dir. */
    private void stop(AutoCloseable server) throws Exception {
        servers.remove(server);
        server.close();
        assertEquals(List.of(), Clients.closeAll(clients), "clients that did not close");
        clients.clear();
    }
}
