package org.zkplatform.zab.quorum;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteStreamInput;
import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.proto.TxnHeader;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.tree.TxnRecords;

/**
 * QuorumPackets on the leader-learner link: back to back, no length prefix, as ZooKeeper sends
 * them. Reading bounds every length (a buffer up to twice jute.maxbuffer) before allocating.
 */
final class PacketIO {

    private PacketIO() {
    }

    static QuorumPacket read(JuteStreamInput in) throws IOException {
        int type = in.readInt();
        long zxid = in.readLong();
        byte[] data = in.readBuffer();
        return new QuorumPacket(type, zxid, data, in.readIdList());
    }

    /** The txn a PROPOSAL or INFORM carries. */
    static Transaction txn(QuorumPacket packet, int maxFieldBytes) throws JuteException {
        if (packet.data() == null) {
            throw new JuteException("packet type " + packet.type() + " carries no txn");
        }
        JuteInput in = new JuteInput(ByteBuffer.wrap(packet.data()), maxFieldBytes);
        TxnHeader header = TxnHeader.read(in);
        return new Transaction(header, TxnRecords.read(header.type(), in));
    }

    /** Writes {@code packet}; the caller flushes when a batch is done. */
    static void write(QuorumPacket packet, OutputStream out, JuteOutput scratch) throws IOException {
        packet.write(scratch);
        scratch.flushTo(out);
    }
}
