package org.zkplatform.zab.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.zookeeper.server.persistence.FileSnap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.CreateContainerTxn;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.CreateTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.Perms;
import org.zkplatform.zab.proto.SetDataTxn;
import org.zkplatform.zab.proto.TxnHeader;
import org.zkplatform.zab.tree.DataNode;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.TreeListener;

class SnapshotFormatTest {

    private static final int MAX_FIELD = 2 * 1048575;
    private static final List<Acl> ALICE = List.of(new Acl(Perms.ALL, new Id("digest", "alice:hash")),
            new Acl(Perms.READ, new Id("world", "anyone")));

    @TempDir
    Path dir;

    /** A tree with data, two ACLs, ephemerals of two sessions, a container, and updates. */
    private static DataTree sampleTree(long seed) {
        Random random = new Random(seed);
        DataTree tree = new DataTree();
        long zxid = 0;
        for (long session = 1; session <= 2; session++) {
            tree.apply(new TxnHeader(session, 0, ++zxid, 1000, OpCode.CREATE_SESSION), new CreateSessionTxn(30_000),
                    TreeListener.NONE);
        }
        tree.apply(new TxnHeader(1, 1, ++zxid, 1000, OpCode.CREATE_CONTAINER),
                new CreateContainerTxn("/c", new byte[0], DataTree.OPEN_ACL_UNSAFE, -1), TreeListener.NONE);
        for (int i = 0; i < 200; i++) {
            String parent = i < 10 ? "" : "/n" + random.nextInt(10);
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            boolean ephemeral = i >= 10 && random.nextBoolean();
            tree.apply(new TxnHeader(1 + random.nextInt(2), i, ++zxid, 2000 + i, OpCode.CREATE),
                    new CreateTxn(parent + "/n" + i, data, i % 3 == 0 ? ALICE : DataTree.OPEN_ACL_UNSAFE, ephemeral, -1),
                    TreeListener.NONE);
        }
        tree.apply(new TxnHeader(1, 0, ++zxid, 3000, OpCode.SET_DATA), new SetDataTxn("/n1", new byte[] {7}, 4),
                TreeListener.NONE);
        return tree;
    }

    private static void assertSameTree(DataTree expected, DataTree actual) throws IOException {
        assertEquals(expected.nodeCount(), actual.nodeCount());
        assertEquals(expected.sessions(), actual.sessions());
        expected.walk((path, data, acl, stat) -> {
            DataNode node = actual.node(path);
            assertTrue(node != null, "missing " + path);
            assertArrayEquals(data, node.data(), path);
            assertEquals(acl, node.acl(), path);
            assertEquals(stat, node.persistedStat(), path);
        });
        assertEquals(expected.containers(), actual.containers());
        assertEquals(expected.allEphemerals(), actual.allEphemerals());
    }

    private static byte[] write(DataTree tree) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotFormat.write(tree, out);
        return out.toByteArray();
    }

    private static DataTree read(byte[] bytes) throws SnapshotException {
        DataTree tree = new DataTree();
        SnapshotFormat.read(new ByteArrayInputStream(bytes), MAX_FIELD, tree);
        return tree;
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        DataTree tree = sampleTree(1);
        assertSameTree(tree, read(write(tree)));
    }

    @Test
    void endsTheWayZooKeepersValidityCheckExpects() throws Exception {
        byte[] bytes = write(sampleTree(2));
        byte[] tail = java.util.Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length);
        assertArrayEquals(new byte[] {0, 0, 0, 1, '/'}, tail);
    }

    @Test
    void aFlippedByteOrATruncationIsDetected() throws Exception {
        byte[] bytes = write(sampleTree(3));
        Random random = new Random(3);
        for (int attempt = 0; attempt < 50; attempt++) {
            byte[] damaged = bytes.clone();
            int at = 16 + random.nextInt(bytes.length - 16);
            damaged[at] ^= (byte) (1 + random.nextInt(255));
            assertThrows(SnapshotException.class, () -> read(damaged), "a flip at byte " + at + " went unnoticed");
        }
        for (int length : new int[] {0, 7, 16, bytes.length / 2, bytes.length - 1}) {
            byte[] cut = java.util.Arrays.copyOf(bytes, length);
            assertThrows(SnapshotException.class, () -> read(cut), "a cut at " + length + " went unnoticed");
        }
    }

    @Test
    void apacheZooKeeperReadsOurSnapshots() throws Exception {
        DataTree ours = sampleTree(4);
        Path versionDir = Files.createDirectories(dir.resolve("version-2"));
        Files.write(versionDir.resolve("snapshot." + Long.toHexString(ours.lastProcessedZxid())), write(ours));

        org.apache.zookeeper.server.DataTree theirs = new org.apache.zookeeper.server.DataTree();
        Map<Long, Integer> sessions = new HashMap<>();
        long zxid = new FileSnap(versionDir.toFile()).deserialize(theirs, sessions);

        assertEquals(ours.lastProcessedZxid(), zxid);
        assertEquals(ours.sessions(), sessions);
        // Apache keeps the root under both "" and "/".
        assertEquals(ours.nodeCount() + 1, theirs.getNodeCount());
        ours.walk((path, data, acl, stat) -> {
            org.apache.zookeeper.server.DataNode node = theirs.getNode(path);
            assertTrue(node != null, "Apache lacks " + path);
            assertArrayEquals(data == null ? null : data, node.getData(), path);
            assertEquals(stat.mzxid(), node.stat.getMzxid(), path);
            assertEquals(stat.cversion(), node.stat.getCversion(), path);
            assertEquals(stat.ephemeralOwner(), node.stat.getEphemeralOwner(), path);
            try {
                assertEquals(acl.size(), theirs.getACL(path, null).size(), path);
            } catch (org.apache.zookeeper.KeeperException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void weReadApacheZooKeepersSnapshots() throws Exception {
        org.apache.zookeeper.server.DataTree theirs = new org.apache.zookeeper.server.DataTree();
        List<org.apache.zookeeper.data.ACL> acl = List.of(new org.apache.zookeeper.data.ACL(Perms.ALL,
                new org.apache.zookeeper.data.Id("digest", "bob:hash")));
        theirs.createNode("/a", new byte[] {1, 2, 3}, acl, 0, -1, 5, 1234);
        theirs.createNode("/a/b", null, org.apache.zookeeper.ZooDefs.Ids.OPEN_ACL_UNSAFE, 0x42L, -1, 6, 1235);
        theirs.setData("/a", new byte[] {9}, 1, 7, 1300);
        Map<Long, Integer> sessions = Map.of(0x42L, 10_000);
        File file = dir.resolve("snapshot.7").toFile();
        new FileSnap(dir.toFile()).serialize(theirs, sessions, file, true);

        DataTree ours = new DataTree();
        try (var in = Files.newInputStream(file.toPath())) {
            SnapshotFormat.read(in, MAX_FIELD, ours);
        }

        assertEquals(6, ours.nodeCount());
        assertArrayEquals(new byte[] {9}, ours.node("/a").data());
        assertEquals(1, ours.node("/a").version());
        assertEquals(List.of(new Acl(Perms.ALL, new Id("digest", "bob:hash"))), ours.node("/a").acl());
        assertEquals(0x42L, ours.node("/a/b").ephemeralOwner());
        assertEquals(java.util.Set.of("/a/b"), ours.ephemerals(0x42L));
        assertEquals(Map.of(0x42L, 10_000), ours.sessions());
    }
}
