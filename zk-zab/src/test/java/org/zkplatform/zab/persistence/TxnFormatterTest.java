package org.zkplatform.zab.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.CloseSessionTxn;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.CreateTTLTxn;
import org.zkplatform.zab.proto.CreateTxn;
import org.zkplatform.zab.proto.DeleteTxn;
import org.zkplatform.zab.proto.ErrorTxn;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.MultiTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.Perms;
import org.zkplatform.zab.proto.SetACLTxn;
import org.zkplatform.zab.proto.SetDataTxn;
import org.zkplatform.zab.proto.Txn;
import org.zkplatform.zab.proto.TxnHeader;
import org.zkplatform.zab.tree.DataTree;

class TxnFormatterTest {

    /** 2024-05-01T10:00:00.123Z */
    private static final long TIME = 1_714_557_600_123L;
    private static final String HEADER = "zxid=0x100000002 time=2024-05-01T10:00:00.123Z session=0x10000abcd0000 cxid=7 ";

    private static byte[] txn(int type, JuteRecord record) {
        JuteOutput out = new JuteOutput();
        new TxnHeader(0x10000abcd0000L, 7, 0x100000002L, TIME, type).write(out);
        if (record != null) {
            record.write(out);
        }
        return out.toByteArray();
    }

    private static String format(int type, JuteRecord record) throws IOException {
        return TxnFormatter.format(txn(type, record));
    }

    @Test
    void aCreateShowsPathDataAclAndFlags() throws Exception {
        List<Acl> acl = List.of(new Acl(Perms.ALL, new Id("digest", "bob:x1")), new Acl(Perms.READ, new Id("world", "anyone")));
        assertEquals(HEADER + "create path=/app/config data=5:\"hello\" acl=[digest:bob:x1:cdrwa,world:anyone:r]"
                        + " ephemeral=true parentCVersion=3",
                format(OpCode.CREATE, new CreateTxn("/app/config", "hello".getBytes(StandardCharsets.UTF_8), acl, true, 3)));
    }

    @Test
    void dataPreviewEscapesBinaryAndIsCutShort() throws Exception {
        assertEquals(HEADER + "setData path=/a data=4:\"\\x00\\\"\\\\\\xff\" version=2",
                format(OpCode.SET_DATA, new SetDataTxn("/a", new byte[] {0, '"', '\\', (byte) 0xFF}, 2)));
        byte[] big = new byte[100];
        Arrays.fill(big, (byte) 'x');
        assertEquals(HEADER + "setData path=/a data=100:\"" + "x".repeat(DumpText.PREVIEW_BYTES) + "\"... version=0",
                format(OpCode.SET_DATA, new SetDataTxn("/a", big, 0)));
        assertEquals(HEADER + "setData path=/a data=null version=1", format(OpCode.SET_DATA, new SetDataTxn("/a", null, 1)));
    }

    @Test
    void everyOtherTypeShowsItsFields() throws Exception {
        assertEquals(HEADER + "delete path=/gone", format(OpCode.DELETE, new DeleteTxn("/gone")));
        assertEquals(HEADER + "setACL path=/a acl=[world:anyone:cdrwa] version=4",
                format(OpCode.SET_ACL, new SetACLTxn("/a", DataTree.OPEN_ACL_UNSAFE, 4)));
        assertEquals(HEADER + "createTTL path=/t data=0:\"\" acl=[world:anyone:cdrwa] parentCVersion=1 ttl=5000ms",
                format(OpCode.CREATE_TTL, new CreateTTLTxn("/t", new byte[0], DataTree.OPEN_ACL_UNSAFE, 1, 5000)));
        assertEquals(HEADER + "createSession timeout=30000ms", format(OpCode.CREATE_SESSION, new CreateSessionTxn(30_000)));
        assertEquals(HEADER + "closeSession ephemerals=[/e1,/e2]",
                format(OpCode.CLOSE_SESSION, new CloseSessionTxn(List.of("/e1", "/e2"))));
        assertEquals(HEADER + "closeSession", format(OpCode.CLOSE_SESSION, null));
        assertEquals(HEADER + "error err=NO_NODE(-101)", format(OpCode.ERROR, new ErrorTxn(KeeperError.NO_NODE.code())));
        assertEquals(HEADER + "error err=-999", format(OpCode.ERROR, new ErrorTxn(-999)));
    }

    @Test
    void aMultiShowsItsSubTxnsInline() throws Exception {
        MultiTxn multi = new MultiTxn(List.of(
                new Txn(OpCode.CREATE, new CreateTxn("/m", new byte[0], DataTree.OPEN_ACL_UNSAFE, false, 1).toByteArray()),
                new Txn(OpCode.DELETE, new DeleteTxn("/old").toByteArray()),
                new Txn(OpCode.ERROR, new ErrorTxn(KeeperError.BAD_VERSION.code()).toByteArray())));
        assertEquals(HEADER + "multi {create path=/m data=0:\"\" acl=[world:anyone:cdrwa] ephemeral=false parentCVersion=1;"
                + " delete path=/old; error err=BAD_VERSION(-103)}", format(OpCode.MULTI, multi));
    }

    @Test
    void aPathStaysOnOneLine() throws Exception {
        assertEquals(HEADER + "delete path=/a\\x0ab", format(OpCode.DELETE, new DeleteTxn("/a\nb")));
    }

    @Test
    void bytesThatDoNotDecodeFail() {
        byte[] whole = txn(OpCode.CREATE, new CreateTxn("/a", new byte[10], DataTree.OPEN_ACL_UNSAFE, false, 1));
        assertThrows(IOException.class, () -> TxnFormatter.format(Arrays.copyOf(whole, whole.length - 8)));
        assertThrows(IOException.class, () -> TxnFormatter.format(txn(99, null)));
    }
}
