package org.zkplatform.zab.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Records whose last fields are optional, as older peers omit them. */
class TrailingFieldsTest {

    @Test
    void theFactSheetsNewSessionConnectRequest() throws JuteException {
        ConnectRequest request = new ConnectRequest(0, 0, 30_000, 0, new byte[16], false, true);
        JuteOutput out = new JuteOutput();
        int at = out.reserveInt();
        request.write(out);
        out.patchInt(at, out.size() - 4);
        String hex = "0000002d" + "00000000" + "00".repeat(8) + "00007530" + "00".repeat(8) + "00000010"
                + "00".repeat(16) + "00";
        assertEquals(hex, HexFormat.of().formatHex(out.toByteArray()));
        assertEquals(45, request.toByteArray().length);
    }

    @Test
    void theConnectRequestsReadOnlyByteIsOptional() throws JuteException {
        byte[] with = new ConnectRequest(0, 5, 4000, 7, new byte[16], false, true).toByteArray();
        with[with.length - 1] = 2;
        ConnectRequest read = ConnectRequest.read(new JuteInput(with));
        assertTrue(read.readOnlyPresent());
        assertTrue(read.readOnly());

        byte[] without = new ConnectRequest(0, 5, 4000, 7, new byte[16], false, false).toByteArray();
        assertEquals(with.length - 1, without.length);
        read = ConnectRequest.read(new JuteInput(without));
        assertFalse(read.readOnlyPresent());
        assertFalse(read.readOnly());
        assertEquals(4000, read.timeOut());
        assertEquals(7, read.sessionId());

        assertThrows(IllegalArgumentException.class, () -> new ConnectRequest(0, 0, 0, 0, null, true, false));
    }

    @Test
    void theConnectResponseWritesTheReadOnlyByteOnlyWhenAsked() throws JuteException {
        assertEquals(36, new ConnectResponse(0, 4000, 7, new byte[16], false, false).toByteArray().length);
        byte[] with = new ConnectResponse(0, 4000, 7, new byte[16], true, true).toByteArray();
        assertEquals(37, with.length);
        assertEquals(1, with[36]);
        ConnectResponse read = ConnectResponse.read(new JuteInput(with));
        assertTrue(read.readOnly() && read.readOnlyPresent());
        assertFalse(ConnectResponse.read(new JuteInput(ByteBuffer.wrap(with, 0, 36))).readOnlyPresent());
    }

    @Test
    void aCreateTxnWithoutParentCVersionIsV0() throws JuteException {
        byte[] full = new CreateTxn("/a", new byte[] {1}, List.of(), true, 17).toByteArray();
        assertEquals(17, CreateTxn.read(new JuteInput(full)).parentCVersion());
        for (int cut = 1; cut <= 4; cut++) {
            CreateTxn v0 = CreateTxn.read(new JuteInput(ByteBuffer.wrap(full, 0, full.length - cut)));
            assertEquals(-1, v0.parentCVersion());
            assertEquals("/a", v0.path());
            assertTrue(v0.ephemeral());
        }
    }

    @Test
    void aCloseSessionTxnWithoutBodyHasNoList() throws JuteException {
        assertNull(CloseSessionTxn.read(new JuteInput(new byte[0])).paths2Delete());
        byte[] bytes = new CloseSessionTxn(List.of("/e1", "/e2")).toByteArray();
        assertEquals(List.of("/e1", "/e2"), CloseSessionTxn.read(new JuteInput(bytes)).paths2Delete());
    }

    @Test
    void aTxnDigestIsOptional() throws JuteException {
        JuteOutput out = new JuteOutput();
        new TxnHeader(1, 2, 3, 4, OpCode.DELETE).write(out);
        new DeleteTxn("/a").write(out);
        JuteInput without = new JuteInput(out.toByteArray());
        TxnHeader.read(without);
        DeleteTxn.read(without);
        assertNull(TxnDigest.readOptional(without));

        new TxnDigest(2, 0x1234L).write(out);
        JuteInput with = new JuteInput(out.toByteArray());
        TxnHeader.read(with);
        DeleteTxn.read(with);
        assertEquals(new TxnDigest(2, 0x1234L), TxnDigest.readOptional(with));
        assertFalse(with.hasRemaining());

        assertNull(TxnDigest.readOptional(new JuteInput(new byte[TxnDigest.BYTES - 1])));
    }

    @Test
    void learnerInfoReadsAsManyFieldsAsTheBytesHold() throws JuteException {
        byte[] full = LearnerInfo.of(3, LearnerInfo.PROTOCOL_VERSION, 0x100000000L).toByteArray();
        assertEquals(20, full.length);
        assertEquals(LearnerInfo.of(3, 0x10000, 0x100000000L), LearnerInfo.read(new JuteInput(full)));

        LearnerInfo none = new LearnerInfo(OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty());
        assertEquals(none, LearnerInfo.read(new JuteInput(ByteBuffer.wrap(full, 0, 7))));
        assertEquals(new LearnerInfo(OptionalLong.of(3), OptionalInt.empty(), OptionalLong.empty()),
                LearnerInfo.read(new JuteInput(ByteBuffer.wrap(full, 0, 11))));
        assertEquals(new LearnerInfo(OptionalLong.of(3), OptionalInt.of(0x10000), OptionalLong.empty()),
                LearnerInfo.read(new JuteInput(ByteBuffer.wrap(full, 0, 19))));
        assertArrayEquals(new byte[0], none.toByteArray());

        assertThrows(IllegalArgumentException.class,
                () -> new LearnerInfo(OptionalLong.empty(), OptionalInt.of(1), OptionalLong.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new LearnerInfo(OptionalLong.of(1), OptionalInt.empty(), OptionalLong.of(1)));
    }
}
