package org.zkplatform.zab.quorum;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.zab.persistence.Progress;
import org.zkplatform.zab.persistence.SnapshotException;
import org.zkplatform.zab.persistence.SnapshotFormat;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteStreamInput;
import org.zkplatform.zab.proto.QuorumPacket;
import org.zkplatform.zab.proto.QuorumPacketType;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.tree.DataTree;

/**
 * One leader-learner connection: a reader thread that turns packets into driver events (on a
 * learner, a SNAP sync's snapshot is read into a tree on this thread), and a writer thread that
 * sends what the driver queued, flushing when the queue runs dry. The driver never blocks on it.
 */
final class QuorumLink implements PeerLink {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumLink.class);
    /** ZooKeeper's end-of-snapshot marker in a SNAP sync. */
    static final String SNAP_SIGNATURE = "BenWasHere";
    private static final Object STOP = new Object();

    private final QuorumStreams streams;
    private final boolean learnerSide;
    private final int maxFieldBytes;
    private final Consumer<CoreEvent> driver;
    private final BlockingQueue<Object> outgoing = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final Thread writer;
    private volatile boolean closed;
    /** The peer's server id, once it said (leader side); the leader's, on a learner. */
    private volatile long sid = Long.MIN_VALUE;

    private record SnapshotItem(DataTree tree, long zxid) {
    }

    QuorumLink(QuorumStreams streams, boolean learnerSide, int maxFieldBytes, Consumer<CoreEvent> driver) {
        this.streams = streams;
        this.learnerSide = learnerSide;
        this.maxFieldBytes = maxFieldBytes;
        this.driver = driver;
        String peer = String.valueOf(streams.connection().remoteAddress());
        this.reader = new Thread(this::read, "zk-quorum-in-" + peer);
        this.writer = new Thread(this::write, "zk-quorum-out-" + peer);
        reader.setDaemon(true);
        writer.setDaemon(true);
    }

    void start() {
        reader.start();
        writer.start();
    }

    String peer() {
        return String.valueOf(streams.connection().remoteAddress());
    }

    @Override
    public void identify(long sid) {
        this.sid = sid;
    }

    @Override
    public void setReadTimeout(long millis) {
        streams.setTimeout(millis);
    }

    @Override
    public void send(QuorumPacket packet) {
        if (!closed) {
            outgoing.add(packet);
        }
    }

    @Override
    public void sendSnapshot(DataTree tree, long zxid) {
        if (!closed) {
            outgoing.add(new SnapshotItem(tree, zxid));
        }
    }

    private void read() {
        JuteStreamInput in = new JuteStreamInput(streams.input, maxFieldBytes);
        try {
            while (!closed) {
                QuorumPacket packet = PacketIO.read(in);
                if (learnerSide && packet.type() == QuorumPacketType.SNAP) {
                    DataTree tree = new DataTree();
                    SnapshotFormat.readBody(in, tree,
                            Progress.of(LOG, "Receiving a snapshot from " + peer(), -1, "bytes"));
                    String signature = in.readString();
                    if (!SNAP_SIGNATURE.equals(signature)) {
                        throw new IOException("the SNAP sync ends with '" + signature + "', not " + SNAP_SIGNATURE);
                    }
                    tree.setLastProcessedZxid(packet.zxid());
                    driver.accept(new QuorumEvent.Snapshot(this, packet.zxid(), tree));
                } else {
                    driver.accept(new QuorumEvent.Packet(this, packet));
                }
            }
        } catch (IOException | SnapshotException | RuntimeException e) {
            if (!closed) {
                driver.accept(new QuorumEvent.Gone(this, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
    }

    private void write() {
        OutputStream out = streams.output;
        JuteOutput scratch = new JuteOutput(1024);
        try {
            while (!closed) {
                Object item = outgoing.poll(1, TimeUnit.SECONDS);
                if (item == null) {
                    continue;
                }
                do {
                    if (item == STOP) {
                        return;
                    }
                    if (item instanceof SnapshotItem) {
                        SnapshotItem snap = (SnapshotItem) item;
                        PacketIO.write(new QuorumPacket(QuorumPacketType.SNAP, snap.zxid(), null, null), out, scratch);
                        long nodes = SnapshotFormat.writeBody(snap.tree(), out, Progress.of(LOG,
                                "Sending a snapshot to " + peer(), snap.tree().nodeCount(), "nodes"));
                        scratch.writeString(SNAP_SIGNATURE);
                        scratch.flushTo(out);
                        LOG.info("Sent a snapshot of {} nodes as of zxid 0x{} to {}", nodes, Long.toHexString(snap.zxid()),
                                peer());
                    } else {
                        PacketIO.write((QuorumPacket) item, out, scratch);
                    }
                    item = outgoing.poll();
                } while (item != null);
                out.flush();
            }
        } catch (IOException e) {
            if (!closed) {
                driver.accept(new QuorumEvent.Gone(this, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            outgoing.add(STOP);
            streams.close();
        }
    }

    @Override
    public String toString() {
        return "link to " + peer() + (sid == Long.MIN_VALUE ? "" : " (server " + sid + ")");
    }
}
