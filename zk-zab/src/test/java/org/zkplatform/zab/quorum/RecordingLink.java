package org.zkplatform.zab.quorum;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.proto.QuorumPacketType;
import org.zkplatform.zab.tree.DataTree;

/** A link that records what the role under test sends, in order. */
final class RecordingLink implements PeerLink {

    /** A SNAP sync as queued: the packet type is SNAP, the zxid the tree's. */
    record SentSnapshot(DataTree tree, long zxid) {
    }

    final List<Object> sent = new ArrayList<>();
    long readTimeout = -1;
    long sid = Long.MIN_VALUE;
    boolean closed;

    @Override
    public void send(QuorumPacket packet) {
        sent.add(packet);
    }

    @Override
    public void sendSnapshot(DataTree tree, long zxid) {
        sent.add(new SentSnapshot(tree, zxid));
    }

    @Override
    public void setReadTimeout(long millis) {
        readTimeout = millis;
    }

    @Override
    public void identify(long sid) {
        this.sid = sid;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The packets sent since the last call, dropping them. */
    List<QuorumPacket> drain() {
        List<QuorumPacket> packets = sent.stream().filter(QuorumPacket.class::isInstance).map(QuorumPacket.class::cast)
                .toList();
        sent.clear();
        return packets;
    }

    /** The types of the packets sent since the last call, by ZooKeeper name. */
    String drainTypes() {
        String types = sent.stream().map(item -> item instanceof SentSnapshot ? "SNAP"
                : QuorumPacketType.name(((QuorumPacket) item).type())).collect(Collectors.joining(" "));
        sent.clear();
        return types;
    }
}
