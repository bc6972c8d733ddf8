package org.zkplatform.zab.proto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The body of multi (14) and multiRead (22): each op as a {@link MultiHeader}{@code {opcode,
 * false, -1}} and its request record, then the terminator {@code {-1, true, -1}}.
 *
 * @param ops the operations, in order
 */
public record MultiRequest(List<MultiOp> ops) implements JuteRecord {

    public MultiRequest {
        Objects.requireNonNull(ops, "ops is null");
    }

    /**
     * Reads a multi or multiRead body. An op that the kind of multi does not allow (a read in
     * a multi, a write in a multiRead) fails the whole read. Every op takes at least its
     * 9-byte header, so the bytes left bound the number of ops.
     *
     * @param multiOpCode {@link OpCode#MULTI} or {@link OpCode#MULTI_READ}
     */
    public static MultiRequest read(JuteInput in, int multiOpCode) throws JuteException {
        if (multiOpCode != OpCode.MULTI && multiOpCode != OpCode.MULTI_READ) {
            throw new IllegalArgumentException("not a multi op code: " + multiOpCode);
        }
        boolean reads = multiOpCode == OpCode.MULTI_READ;
        List<MultiOp> ops = new ArrayList<>();
        for (MultiHeader h = MultiHeader.read(in); !h.done(); h = MultiHeader.read(in)) {
            MultiOp op = MultiOp.read(h.type(), in);
            if (op.isRead() != reads) {
                throw new JuteException(
                        "op " + OpCode.name(h.type()) + " is not allowed in " + OpCode.name(multiOpCode));
            }
            ops.add(op);
        }
        return new MultiRequest(Collections.unmodifiableList(ops));
    }

    @Override
    public void write(JuteOutput out) {
        for (MultiOp op : ops) {
            new MultiHeader(op.opCode(), false, -1).write(out);
            op.request().write(out);
        }
        MultiResponse.END.write(out);
    }
}
