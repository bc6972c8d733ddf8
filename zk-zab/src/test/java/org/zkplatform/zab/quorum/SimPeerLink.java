package org.zkplatform.zab.quorum;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;
import org.zkplatform.sim.SimChannel;
import org.zkplatform.sim.SimNetwork;
import org.zkplatform.sim.SimWorld;
import org.zkplatform.zab.persistence.SnapshotException;
import org.zkplatform.zab.persistence.SnapshotFormat;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteStreamInput;
import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.proto.QuorumPacketType;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.tree.DataTree;

/**
 * One end of a leader-learner link on a simulated channel: what {@link QuorumLink} does with a
 * reader and a writer thread, done as world tasks. Packets go as the bytes {@link PacketIO} reads
 * and a SNAP sync as the stream {@link SnapshotFormat} writes, so the wire codecs are the real
 * ones; a link silent past its read timeout counts as gone, as a socket's SO_TIMEOUT makes it.
 */
final class SimPeerLink implements PeerLink, SimChannel.End {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SimPeerLink.class);

    private final SimWorld world;
    private final SimNetwork network;
    private final SimChannel channel;
    private final int node;
    private final int peer;
    private final boolean learnerSide;
    private final int maxFieldBytes;
    private final Consumer<CoreEvent> driver;
    private final String name;
    private boolean closed;
    private long readTimeoutMillis;
    private long lastHeardNanos;
    private boolean timeoutArmed;
    private long sid = Long.MIN_VALUE;

    SimPeerLink(SimWorld world, SimNetwork network, SimChannel channel, int node, int peer, boolean learnerSide,
                int maxFieldBytes, Consumer<CoreEvent> driver) {
        this.world = world;
        this.network = network;
        this.channel = channel;
        this.node = node;
        this.peer = peer;
        this.learnerSide = learnerSide;
        this.maxFieldBytes = maxFieldBytes;
        this.driver = driver;
        this.name = "link " + node + "->" + peer;
        this.lastHeardNanos = world.nowNanos();
    }

    @Override
    public void send(QuorumPacket packet) {
        if (!closed) {
            JuteOutput out = new JuteOutput(64);
            packet.write(out);
            channel.send(node, out.toByteArray());
            network.quorumSent(node, peer, packet.type());
        }
    }

    @Override
    public void sendSnapshot(DataTree tree, long zxid) {
        if (closed) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            JuteOutput scratch = new JuteOutput(64);
            new QuorumPacket(QuorumPacketType.SNAP, zxid, null, null).write(scratch);
            scratch.flushTo(bytes);
            SnapshotFormat.writeBody(tree, bytes);
            scratch.writeString(QuorumLink.SNAP_SIGNATURE);
            scratch.flushTo(bytes);
            channel.send(node, bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a snapshot in memory", e);
        }
    }

    @Override
    public void received(byte[] chunk) {
        if (closed) {
            return;
        }
        lastHeardNanos = world.nowNanos();
        if (chunk.length >= 12) {
            java.nio.ByteBuffer head = java.nio.ByteBuffer.wrap(chunk);
            network.quorumDelivered(peer, node, head.getInt(), head.getLong());
        }
        JuteStreamInput in = new JuteStreamInput(new ByteArrayInputStream(chunk), maxFieldBytes);
        try {
            QuorumPacket packet = PacketIO.read(in);
            if (learnerSide && packet.type() == QuorumPacketType.SNAP) {
                DataTree tree = new DataTree();
                SnapshotFormat.readBody(in, tree);
                String signature = in.readString();
                if (!QuorumLink.SNAP_SIGNATURE.equals(signature)) {
                    throw new IOException("the SNAP sync ends with '" + signature + "'");
                }
                tree.setLastProcessedZxid(packet.zxid());
                driver.accept(new QuorumEvent.Snapshot(this, packet.zxid(), tree));
            } else {
                driver.accept(new QuorumEvent.Packet(this, packet));
            }
        } catch (IOException | SnapshotException | RuntimeException e) {
            gone("unreadable packet: " + e);
        }
    }

    @Override
    public void closed(String reason) {
        LOG.debug("{} closed: {}", this, reason);
        if (!closed) {
            closed = true;
            driver.accept(new QuorumEvent.Gone(this, reason));
        }
    }

    private void gone(String reason) {
        LOG.debug("{} gone: {}", this, reason);
        if (!closed) {
            closed = true;
            channel.close(node, reason);
            driver.accept(new QuorumEvent.Gone(this, reason));
        }
    }

    @Override
    public void setReadTimeout(long millis) {
        readTimeoutMillis = millis;
        armTimeout();
    }

    private void armTimeout() {
        if (timeoutArmed || closed || readTimeoutMillis <= 0) {
            return;
        }
        timeoutArmed = true;
        long dueNanos = lastHeardNanos + readTimeoutMillis * SimWorld.NANOS_PER_MILLI;
        world.at(dueNanos - world.nowNanos(), node, () -> {
            timeoutArmed = false;
            if (closed || readTimeoutMillis <= 0) {
                return;
            }
            if (world.nowNanos() - lastHeardNanos >= readTimeoutMillis * SimWorld.NANOS_PER_MILLI) {
                gone("nothing from the peer within " + readTimeoutMillis + " ms");
            } else {
                armTimeout();
            }
        });
    }

    @Override
    public void identify(long sid) {
        this.sid = sid;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            channel.close(node, "closed by the peer");
        }
    }

    @Override
    public String toString() {
        return name + (sid == Long.MIN_VALUE ? "" : " (server " + sid + ")");
    }
}
