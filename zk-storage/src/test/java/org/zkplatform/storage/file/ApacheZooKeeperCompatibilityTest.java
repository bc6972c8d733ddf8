package org.zkplatform.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.jute.BinaryOutputArchive;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.Request;
import org.apache.zookeeper.server.persistence.FileSnap;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.apache.zookeeper.server.persistence.SnapStream;
import org.apache.zookeeper.server.persistence.TxnLog.TxnIterator;
import org.apache.zookeeper.server.persistence.Util;
import org.apache.zookeeper.txn.CreateTxn;
import org.apache.zookeeper.txn.TxnDigest;
import org.apache.zookeeper.txn.TxnHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.storage.EpochStore.EpochKind;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.SnapshotWriter;

/**
 * Each side reads what the other wrote, using Apache ZooKeeper 3.9.5's own persistence classes
 * and real txns built with its jute records.
 */
class ApacheZooKeeperCompatibilityTest {

    @TempDir
    Path dir;

    private static TxnHeader header(long zxid) {
        return new TxnHeader(0x1000000000001L, (int) zxid, zxid, 1_700_000_000_000L + zxid, ZooDefs.OpCode.create);
    }

    private static CreateTxn create(long zxid) {
        return new CreateTxn("/node-" + zxid, ("data-" + zxid).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                false, (int) zxid);
    }

    private static TxnDigest digest(long zxid) {
        return new TxnDigest(2, 0x5eed0000L + zxid);
    }

    private static byte[] txnBytes(long zxid) throws IOException {
        return Util.marshallTxnEntry(header(zxid), create(zxid), digest(zxid));
    }

    private File versionDir() throws IOException {
        return Files.createDirectories(Txns.versionDir(dir)).toFile();
    }

    @Test
    void zooKeeperReadsALogWeWroteAcrossFilesAndAfterATruncation() throws Exception {
        try (FileStorage storage = Txns.open(FileStorageConfig.defaults(dir))) {
            for (long zxid = 1; zxid <= 20; zxid++) {
                if (zxid == 11) {
                    storage.txnLog().roll();
                }
                storage.txnLog().append(zxid, txnBytes(zxid));
            }
            storage.txnLog().commit();
        }
        assertEquals(Txns.range(1, 20), zooKeeperZxids(1));
        assertEquals(Txns.range(7, 20), zooKeeperZxids(7));

        try (FileStorage storage = Txns.open(FileStorageConfig.defaults(dir))) {
            storage.txnLog().truncateAfter(15);
        }
        assertEquals(Txns.range(1, 15), zooKeeperZxids(1));
        FileTxnLog zk = new FileTxnLog(versionDir());
        assertEquals(15, zk.getLastLoggedZxid());
        zk.close();
    }

    /** Reads with ZooKeeper's iterator, which parses every txn and checks every checksum. */
    private List<Long> zooKeeperZxids(long from) throws IOException {
        List<Long> zxids = new ArrayList<>();
        FileTxnLog zk = new FileTxnLog(versionDir());
        try (TxnIterator it = zk.read(from)) {
            while (it.getHeader() != null) {
                long zxid = it.getHeader().getZxid();
                zxids.add(zxid);
                assertEquals("/node-" + zxid, ((CreateTxn) it.getTxn()).getPath());
                assertEquals(digest(zxid).getTreeDigest(), it.getDigest().getTreeDigest());
                if (!it.next()) {
                    break;
                }
            }
        } finally {
            zk.close();
        }
        return zxids;
    }

    @Test
    void weReadALogZooKeeperWroteWithTheSameZxidsAndBytes() throws Exception {
        FileTxnLog zk = new FileTxnLog(versionDir());
        for (long zxid = 1; zxid <= 20; zxid++) {
            if (zxid == 11) {
                zk.rollLog();
            }
            zk.append(new Request(header(zxid), create(zxid), digest(zxid)));
            if (zxid % 4 == 0) {
                zk.commit();
            }
        }
        zk.commit();
        zk.close();
        assertEquals(List.of("log.1", "log.b"), names("log."));

        try (FileStorage storage = Txns.open(FileStorageConfig.defaults(dir))) {
            // ZooKeeper's 64 MiB of preallocated zeros are a clean end.
            assertNull(((TxnLogFiles) storage.txnLog()).recoveryWarning());
            assertEquals(20, storage.txnLog().lastZxid());
            List<LoggedTxn> txns = Txns.readAll(storage.txnLog(), 0);
            assertEquals(Txns.range(1, 20), txns.stream().map(LoggedTxn::zxid).toList());
            for (LoggedTxn txn : txns) {
                assertArrayEquals(txnBytes(txn.zxid()), txn.bytes());
            }
            assertEquals(Txns.range(13, 20), Txns.zxids(storage.txnLog(), 13));
        }
    }

    @Test
    void epochFilesAreTheSameBytesZooKeeperWritesAndEachSideReadsTheOther() throws Exception {
        try (FileStorage storage = Txns.open(FileStorageConfig.defaults(dir))) {
            storage.epochs().write(EpochKind.CURRENT, 7);
            storage.epochs().write(EpochKind.ACCEPTED, 0x1_0000_0001L);
        }
        byte[] ours = Files.readAllBytes(Txns.versionDir(dir).resolve("acceptedEpoch"));

        Object peer = quorumPeer();
        assertEquals(7L, call(peer, "getCurrentEpoch"));
        assertEquals(0x1_0000_0001L, call(peer, "getAcceptedEpoch"));
        call(peer, "setCurrentEpoch", 8L);
        call(peer, "setAcceptedEpoch", 0x1_0000_0001L);

        assertArrayEquals(ours, Files.readAllBytes(Txns.versionDir(dir).resolve("acceptedEpoch")));
        try (FileStorage storage = Txns.open(FileStorageConfig.defaults(dir))) {
            assertEquals(OptionalLong.of(8), storage.epochs().read(EpochKind.CURRENT));
            assertEquals(OptionalLong.of(0x1_0000_0001L), storage.epochs().read(EpochKind.ACCEPTED));
        }
    }

    /**
     * A QuorumPeer used only for its epoch files: no admin server, nothing started. It is reached
     * by reflection because its constructor declares javax.security.sasl.SaslException, a module
     * the tests, compiled as part of this module, do not read.
     */
    private Object quorumPeer() throws Exception {
        System.setProperty("zookeeper.admin.enableServer", "false");
        try {
            Object peer = Class.forName("org.apache.zookeeper.server.quorum.QuorumPeer").getConstructor().newInstance();
            peer.getClass().getMethod("setTxnFactory", FileTxnSnapLog.class).invoke(peer, new FileTxnSnapLog(dir.toFile(), dir.toFile()));
            return peer;
        } finally {
            System.clearProperty("zookeeper.admin.enableServer");
        }
    }

    private static Object call(Object target, String method, Object... args) throws Exception {
        Class<?>[] types = new Class<?>[args.length];
        Arrays.fill(types, long.class);
        return target.getClass().getMethod(method, types).invoke(target, args);
    }

    @Test
    void zooKeeperReadsOurSnapshotsAndWeReadItsGzipSnapshots() throws Exception {
        byte[] content = new byte[50_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 7);
        }
        FileStorageConfig d = FileStorageConfig.defaults(dir);
        FileStorageConfig gz = new FileStorageConfig(d.dataDir(), d.dataLogDir(), d.fsync(), d.preallocateBytes(),
                d.logRollBytes(), d.maxTxnBytes(), SnapshotCompression.GZ);
        try (FileStorage storage = Txns.open(gz)) {
            try (SnapshotWriter writer = storage.snapshots().create(0x100000005L)) {
                writer.stream().write(content);
                writer.commit();
            }
        }
        try (InputStream in = SnapStream.getInputStream(Txns.versionDir(dir).resolve("snapshot.100000005.gz").toFile())) {
            assertArrayEquals(content, in.readAllBytes());
        }

        SnapStream.setStreamMode(SnapStream.StreamMode.GZIP);
        File zkSnapshot = new File(versionDir(), Util.makeSnapshotName(0x100000009L));
        try (OutputStream out = SnapStream.getOutputStream(zkSnapshot, true)) {
            out.write(content);
        } finally {
            SnapStream.setStreamMode(SnapStream.StreamMode.CHECKED);
        }
        try (FileStorage storage = Txns.open(FileStorageConfig.defaults(dir))) {
            SnapshotInfo newest = storage.snapshots().list().get(0);
            assertEquals("snapshot.100000009.gz", newest.name());
            try (InputStream in = storage.snapshots().open(newest)) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
    }

    @Test
    void weReadARealZooKeeperSnapshotAsZooKeeperDoes() throws Exception {
        DataTree tree = new DataTree();
        tree.createNode("/a", "x".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, 1, 1, 1);
        Map<Long, Integer> sessions = new HashMap<>(Map.of(0x1000000000001L, 30_000));
        File snapshot = new File(versionDir(), Util.makeSnapshotName(1));
        new FileSnap(versionDir()).serialize(tree, sessions, snapshot, true);

        try (FileStorage storage = Txns.open(FileStorageConfig.defaults(dir));
                InputStream ours = storage.snapshots().open(storage.snapshots().list().get(0));
                InputStream theirs = SnapStream.getInputStream(snapshot)) {
            assertArrayEquals(theirs.readAllBytes(), ours.readAllBytes());
        }
    }

    @Test
    void zooKeeperNeverTakesOurUnfinishedSnapshotForASnapshot() throws Exception {
        try (FileStorage storage = Txns.open(FileStorageConfig.defaults(dir));
                SnapshotWriter writer = storage.snapshots().create(0x20)) {
            // Bytes that pass ZooKeeper's quick validity check: they end like a snapshot.
            BinaryOutputArchive.getArchive(writer.stream()).writeString("/", "path");
            writer.stream().write(new byte[20]);
            BinaryOutputArchive.getArchive(writer.stream()).writeString("/", "path");
            writer.stream().flush();

            FileSnap zk = new FileSnap(versionDir());
            assertEquals(List.of(), zk.findNRecentSnapshots(10));
            assertNull(zk.findMostRecentSnapshot());
            assertEquals(List.of("tmp.snapshot.20"), names("tmp."));
        }
    }

    private List<String> names(String prefix) throws IOException {
        try (var files = Files.list(Txns.versionDir(dir))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }
}
