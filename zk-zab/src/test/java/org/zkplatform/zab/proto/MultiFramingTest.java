package org.zkplatform.zab.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.auth.Id;

/**
 * The framing of multi and multiRead against bytes built by hand from the fact sheet (§2.7):
 * Apache's MultiOperationRecord and MultiResponse are in the server jar, not the jute jar.
 */
class MultiFramingTest {

    private static final Stat STAT = new Stat(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

    /** Hand-encodes with DataOutputStream, independently of JuteOutput. */
    private static final class Expected {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Expected header(int type, boolean done, int err) throws IOException {
            out.writeInt(type);
            out.writeBoolean(done);
            out.writeInt(err);
            return this;
        }

        Expected i(int v) throws IOException {
            out.writeInt(v);
            return this;
        }

        Expected b(boolean v) throws IOException {
            out.writeBoolean(v);
            return this;
        }

        Expected s(String v) throws IOException {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
            return this;
        }

        Expected buf(byte... v) throws IOException {
            out.writeInt(v.length);
            out.write(v);
            return this;
        }

        Expected stat() throws IOException {
            out.writeLong(1);
            out.writeLong(2);
            out.writeLong(3);
            out.writeLong(4);
            out.writeInt(5);
            out.writeInt(6);
            out.writeInt(7);
            out.writeLong(8);
            out.writeInt(9);
            out.writeInt(10);
            out.writeLong(11);
            return this;
        }

        Expected end() throws IOException {
            return header(-1, true, -1);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    @Test
    void aMultiRequestIsHeaderedOpsAndATerminator() throws IOException {
        List<Acl> open = List.of(new Acl(Perms.ALL, new Id("world", "anyone")));
        MultiRequest multi = new MultiRequest(List.of(
                new MultiOp.Create(OpCode.CREATE, new CreateRequest("/a", new byte[] {1}, open, 0)),
                new MultiOp.CreateTtl(new CreateTTLRequest("/t", null, open, 5, 1000)),
                new MultiOp.Delete(new DeleteRequest("/b", -1)),
                new MultiOp.SetData(new SetDataRequest("/c", new byte[0], 3)),
                new MultiOp.Check(new CheckVersionRequest("/d", 4))));
        byte[] expected = new Expected()
                .header(1, false, -1).s("/a").buf((byte) 1).i(1).i(31).s("world").s("anyone").i(0)
                .header(21, false, -1).s("/t").i(-1).i(1).i(31).s("world").s("anyone").i(5)
                .i(0).i(1000)
                .header(2, false, -1).s("/b").i(-1)
                .header(5, false, -1).s("/c").buf().i(3)
                .header(13, false, -1).s("/d").i(4)
                .end().bytes();
        assertArrayEquals(expected, multi.toByteArray());
        MultiRequest back = MultiRequest.read(new JuteInput(expected), OpCode.MULTI);
        assertEquals(5, back.ops().size());
        assertEquals(OpCode.CREATE_TTL, back.ops().get(1).opCode());
        assertEquals(new DeleteRequest("/b", -1), back.ops().get(2).request());
        assertArrayEquals(expected, back.toByteArray());
    }

    @Test
    void anEmptyMultiIsTheTerminatorAlone() throws IOException {
        byte[] expected = new Expected().end().bytes();
        assertArrayEquals(expected, new MultiRequest(List.of()).toByteArray());
        assertArrayEquals(expected, new MultiResponse(List.of()).toByteArray());
        assertEquals(List.of(), MultiRequest.read(new JuteInput(expected), OpCode.MULTI_READ).ops());
    }

    @Test
    void aMultiReadHoldsGetDataAndGetChildren() throws IOException {
        byte[] expected = new Expected()
                .header(4, false, -1).s("/a").b(false)
                .header(8, false, -1).s("/b").b(false)
                .end().bytes();
        MultiRequest read = MultiRequest.read(new JuteInput(expected), OpCode.MULTI_READ);
        assertEquals(List.of(new MultiOp.GetData(new GetDataRequest("/a", false)),
                new MultiOp.GetChildren(new GetChildrenRequest("/b", false))), read.ops());
        assertArrayEquals(expected, read.toByteArray());
    }

    @Test
    void opsOutsideTheAllowedSetFailToRead() throws IOException {
        byte[] readInMulti = new Expected().header(4, false, -1).s("/a").b(false).end().bytes();
        JuteException e = assertThrows(JuteException.class, () -> MultiRequest.read(new JuteInput(readInMulti), OpCode.MULTI));
        assertEquals("op getData is not allowed in multi", e.getMessage());

        byte[] writeInMultiRead = new Expected().header(2, false, -1).s("/a").i(-1).end().bytes();
        e = assertThrows(JuteException.class,
                () -> MultiRequest.read(new JuteInput(writeInMultiRead), OpCode.MULTI_READ));
        assertEquals("op delete is not allowed in multiRead", e.getMessage());

        for (int op : new int[] {0, 3, 6, 7, 9, 11, 12, 14, 16, 20, 22, 100, -1, -10, -11}) {
            byte[] bytes = new Expected().header(op, false, -1).s("/a").i(0).end().bytes();
            assertThrows(JuteException.class, () -> MultiRequest.read(new JuteInput(bytes), OpCode.MULTI), "op " + op);
            assertThrows(JuteException.class, () -> MultiRequest.read(new JuteInput(bytes), OpCode.MULTI_READ));
        }
        assertThrows(IllegalArgumentException.class, () -> MultiRequest.read(new JuteInput(readInMulti), OpCode.CREATE));
    }

    @Test
    void aMultiWithoutTerminatorIsTruncated() throws IOException {
        byte[] bytes = new Expected().header(2, false, -1).s("/a").i(-1).bytes();
        JuteException e = assertThrows(JuteException.class, () -> MultiRequest.read(new JuteInput(bytes), OpCode.MULTI));
        assertTrue(e.getMessage().startsWith("truncated record"), e.getMessage());
        assertThrows(JuteException.class, () -> MultiResponse.read(new JuteInput(new Expected().header(2, false, 0).bytes())));
    }

    @Test
    void aMultiResponseCarriesErrorsInHeaderAndBody() throws IOException {
        MultiResponse response = new MultiResponse(List.of(
                new MultiResult.Create(new CreateResponse("/a0000000001")),
                new MultiResult.Create2(new Create2Response("/b", STAT)),
                new MultiResult.Delete(),
                new MultiResult.Check(),
                new MultiResult.SetData(new SetDataResponse(STAT)),
                new MultiResult.GetData(new GetDataResponse(new byte[] {9}, STAT)),
                new MultiResult.GetChildren(new GetChildrenResponse(List.of("x"))),
                new MultiResult.Error(0),
                new MultiResult.Error(KeeperError.NO_NODE.code()),
                new MultiResult.Error(KeeperError.RUNTIME_INCONSISTENCY.code())));
        byte[] expected = new Expected()
                .header(1, false, 0).s("/a0000000001")
                .header(15, false, 0).s("/b").stat()
                .header(2, false, 0)
                .header(13, false, 0)
                .header(5, false, 0).stat()
                .header(4, false, 0).buf((byte) 9).stat()
                .header(8, false, 0).i(1).s("x")
                .header(-1, false, 0).i(0)
                .header(-1, false, -101).i(-101)
                .header(-1, false, -2).i(-2)
                .end().bytes();
        assertArrayEquals(expected, response.toByteArray());
        MultiResponse back = MultiResponse.read(new JuteInput(expected));
        assertTrue(Deep.equals(response, back));
    }

    @Test
    void anErrorResultTakesItsCodeFromTheBody() throws IOException {
        byte[] bytes = new Expected().header(-1, false, 0).i(-110).end().bytes();
        assertEquals(List.of(new MultiResult.Error(-110)), MultiResponse.read(new JuteInput(bytes)).results());
    }

    @Test
    void anUnknownResultTypeFailsToRead() throws IOException {
        byte[] bytes = new Expected().header(3, false, 0).stat().end().bytes();
        JuteException e = assertThrows(JuteException.class, () -> MultiResponse.read(new JuteInput(bytes)));
        assertEquals("Invalid type 3 in MultiResponse", e.getMessage());
    }

    @Test
    void onlyCreateOpCodesMakeACreateOp() {
        CreateRequest request = new CreateRequest("/a", null, null, 0);
        for (int op : new int[] {OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER}) {
            assertEquals(op, new MultiOp.Create(op, request).opCode());
        }
        assertThrows(IllegalArgumentException.class, () -> new MultiOp.Create(OpCode.CREATE_TTL, request));
    }
}
