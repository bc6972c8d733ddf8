package org.zkplatform.zab.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.CreateTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.Perms;
import org.zkplatform.zab.proto.SetDataTxn;
import org.zkplatform.zab.proto.TxnHeader;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.TreeListener;

class SnapshotDumpTest {

    private static final int MAX_FIELD = 2 * 1048575;
    /** 2024-05-01T10:00:00.123Z */
    private static final long TIME = 1_714_557_600_123L;

    /**
     * The root and ZooKeeper's own 3 nodes, a session 0x42, /app with data and a digest ACL, and
     * /app/e, an ephemeral of 0x42.
     */
    private static byte[] snapshot() throws Exception {
        DataTree tree = new DataTree();
        tree.apply(new TxnHeader(0x42, 0, 1, TIME, OpCode.CREATE_SESSION), new CreateSessionTxn(30_000), TreeListener.NONE);
        tree.apply(new TxnHeader(0x42, 1, 2, TIME, OpCode.CREATE), new CreateTxn("/app",
                "hello".getBytes(StandardCharsets.UTF_8), List.of(new Acl(Perms.READ | Perms.ADMIN, new Id("digest", "bob:x"))),
                false, -1), TreeListener.NONE);
        tree.apply(new TxnHeader(0x42, 2, 3, TIME + 1000, OpCode.CREATE), new CreateTxn("/app/e", new byte[0],
                DataTree.OPEN_ACL_UNSAFE, true, -1), TreeListener.NONE);
        tree.apply(new TxnHeader(0x42, 3, 4, TIME + 2000, OpCode.SET_DATA), new SetDataTxn("/app",
                "hello!".getBytes(StandardCharsets.UTF_8), 1), TreeListener.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotFormat.write(tree, out);
        return out.toByteArray();
    }

    private static List<String> dump(byte[] bytes, SnapshotDump.Result[] result) {
        List<String> lines = new ArrayList<>();
        result[0] = SnapshotDump.dump(new ByteArrayInputStream(bytes), lines::add);
        return lines;
    }

    @Test
    void printsEveryNodeThenEverySessionAndFindsTheSealIntact() throws Exception {
        SnapshotDump.Result[] result = new SnapshotDump.Result[1];
        List<String> lines = dump(snapshot(), result);

        assertEquals(new SnapshotDump.Result(6, 1, Optional.empty()), result[0]);
        assertEquals(7, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("path=/ czxid=0x0 "), lines.get(0));
        assertTrue(lines.contains("path=/app czxid=0x2 mzxid=0x4 pzxid=0x3 ctime=2024-05-01T10:00:00.123Z"
                + " mtime=2024-05-01T10:00:02.123Z version=1 cversion=1 aversion=0 ephemeralOwner=0x0 dataLength=6"
                + " acl=[digest:bob:x:ra]"), String.join("\n", lines));
        assertTrue(lines.contains("path=/app/e czxid=0x3 mzxid=0x3 pzxid=0x3 ctime=2024-05-01T10:00:01.123Z"
                + " mtime=2024-05-01T10:00:01.123Z version=0 cversion=0 aversion=0 ephemeralOwner=0x42 dataLength=0"
                + " acl=[world:anyone:cdrwa]"), String.join("\n", lines));
        assertEquals("session=0x42 timeout=30000ms", lines.get(6));
    }

    @Test
    void aDamagedSealIsReportedAfterWhatWasRead() throws Exception {
        byte[] bytes = snapshot();
        bytes[bytes.length - 7] ^= 1;
        SnapshotDump.Result[] result = new SnapshotDump.Result[1];

        List<String> lines = dump(bytes, result);

        assertEquals(7, lines.size());
        assertEquals(6, result[0].nodes());
        assertTrue(result[0].damage().orElseThrow().startsWith("checksum mismatch"), result[0].toString());
    }

    @Test
    void aTruncatedSnapshotShowsTheNodesBeforeTheCut() throws Exception {
        byte[] bytes = snapshot();
        SnapshotDump.Result[] result = new SnapshotDump.Result[1];

        List<String> lines = dump(Arrays.copyOf(bytes, bytes.length - 40), result);

        assertTrue(result[0].damage().isPresent());
        assertEquals(result[0].nodes() + result[0].sessions(), lines.size());
        assertEquals("session=0x42 timeout=30000ms", lines.get(lines.size() - 1));
    }

    @Test
    void verifyAcceptsWhatLoadsAndRejectsWhatDoesNot() throws Exception {
        byte[] bytes = snapshot();
        SnapshotFormat.verify(new ByteArrayInputStream(bytes), MAX_FIELD);

        bytes[bytes.length / 2] ^= 1;
        assertThrows(SnapshotException.class, () -> SnapshotFormat.verify(new ByteArrayInputStream(bytes), MAX_FIELD));
    }
}
