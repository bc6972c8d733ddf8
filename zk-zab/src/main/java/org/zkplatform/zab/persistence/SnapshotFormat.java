package org.zkplatform.zab.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteStreamInput;
import org.zkplatform.zab.proto.StatPersisted;
import org.zkplatform.zab.tree.DataTree;

/**
 * ZooKeeper's snapshot format: a header, the sessions, the ACL map, the nodes in preorder (the
 * root under the path ""), the end marker "/", and a seal (the Adler32 of everything before it,
 * then "/"). The optional digest and zxid trailers that ZooKeeper 3.9 may add are read if present
 * and not written: its readers accept their absence.
 */
public final class SnapshotFormat {

    static final int MAGIC = 0x5A4B534E; // "ZKSN"
    static final int VERSION = 2;
    static final long DB_ID = -1;
    private static final String END = "/";

    private SnapshotFormat() {
    }

    /**
     * Writes a snapshot of {@code tree}, which may change meanwhile (a fuzzy snapshot: replaying
     * the log from the snapshot's zxid makes it exact). Returns the number of nodes written.
     */
    public static long write(DataTree tree, OutputStream out) throws IOException {
        Adler32 checksum = new Adler32();
        JuteOutput jute = new JuteOutput(64 * 1024);
        jute.writeInt(MAGIC);
        jute.writeInt(VERSION);
        jute.writeLong(DB_ID);
        jute.flushTo(out, checksum);
        long count = writeBody(tree, out, checksum, null);
        jute.writeLong(checksum.getValue());
        jute.writeString(END);
        jute.flushTo(out, checksum);
        out.flush();
        return count;
    }

    /**
     * Writes the body of a snapshot, what a leader streams to a learner in a SNAP sync: the
     * sessions, the ACL map, the nodes and the end marker, without header or seal.
     */
    public static long writeBody(DataTree tree, OutputStream out) throws IOException {
        return writeBody(tree, out, new Adler32(), null);
    }

    /** {@link #writeBody(DataTree, OutputStream)}, telling {@code progress} of the nodes written. */
    public static long writeBody(DataTree tree, OutputStream out, Progress progress) throws IOException {
        return writeBody(tree, out, new Adler32(), progress);
    }

    private static long writeBody(DataTree tree, OutputStream out, Adler32 checksum, Progress progress)
            throws IOException {
        JuteOutput jute = new JuteOutput(64 * 1024);
        Map<Long, Integer> sessions = tree.sessions();        jute.writeInt(sessions.size());
        sessions.forEach((id, timeout) -> {
            jute.writeLong(id);
            jute.writeInt(timeout);
        });
        Map<Long, List<Acl>> acls = tree.numberedAcls();
        Map<List<Acl>, Long> indexOf = new IdentityHashMap<>();
        jute.writeInt(acls.size());
        for (Map.Entry<Long, List<Acl>> entry : acls.entrySet()) {
            jute.writeLong(entry.getKey());
            Acl.writeList(entry.getValue(), jute);
            indexOf.put(entry.getValue(), entry.getKey());
        }
        jute.flushTo(out, checksum);
        long[] count = {0};
        tree.walk((path, data, acl, stat) -> {
            jute.writeString(DataTree.ROOT.equals(path) ? "" : path);
            jute.writeBuffer(data);
            // An ACL first used after the map above was taken is settled by replay, which resets
            // the ACL of a node it finds already created.
            jute.writeLong(indexOf.getOrDefault(acl, -1L));
            stat.write(jute);
            count[0]++;
            if (progress != null) {
                progress.at(count[0]);
            }
            if (jute.size() > 32 * 1024) {
                jute.flushTo(out, checksum);
            }
        });
        jute.writeString(END);
        jute.flushTo(out, checksum);
        return count[0];
    }

    /**
     * Reads a snapshot into {@code tree}, which must be new.
     *
     * @throws SnapshotException if the bytes are not a whole, intact snapshot
     */
    public static void read(InputStream stream, int maxFieldBytes, DataTree tree) throws SnapshotException {
        read(stream, maxFieldBytes, tree, null);
    }

    /** {@link #read(InputStream, int, DataTree)}, telling {@code progress} of the bytes read. */
    public static void read(InputStream stream, int maxFieldBytes, DataTree tree, Progress progress)
            throws SnapshotException {
        read(stream, maxFieldBytes, new SnapshotVisitor() {
            @Override
            public void session(long id, int timeoutMs) {
                tree.restoreSession(id, timeoutMs);
            }

            @Override
            public void node(String path, byte[] data, List<Acl> acl, StatPersisted stat) {
                tree.restore(path, data, acl, stat);
            }
        });
        tree.restored();
    }

    /**
     * Checks that a snapshot would load, as {@link DatabaseLoader} judges it, into a tree that is
     * then dropped: for {@code zk-tool check}.
     *
     * @throws SnapshotException saying why it would not
     */
    public static void verify(InputStream stream, int maxFieldBytes) throws SnapshotException {
        read(stream, maxFieldBytes, new DataTree());
    }

    /**
     * Decodes a snapshot, handing its sessions and nodes to {@code visitor} in file order, and
     * checks its seal last.
     *
     * @throws SnapshotException if the bytes are not a whole, intact snapshot, or the visitor
     *     rejects what it is given with an {@link IllegalArgumentException}
     */
    static void read(InputStream stream, int maxFieldBytes, SnapshotVisitor visitor) throws SnapshotException {
        read(stream, maxFieldBytes, visitor, null);
    }

    private static void read(InputStream stream, int maxFieldBytes, SnapshotVisitor visitor, Progress progress)
            throws SnapshotException {
        JuteStreamInput in = new JuteStreamInput(stream, maxFieldBytes);
        try {
            int magic = in.readInt();
            int version = in.readInt();
            in.readLong();
            if (magic != MAGIC || version != VERSION) {
                throw new SnapshotException("not a ZooKeeper snapshot (magic 0x" + Integer.toHexString(magic)
                        + ", version " + version + ")");
            }
            readBody(in, visitor, progress);
            long expected = in.checksum();
            long sealed = in.readLong();
            if (sealed != expected) {
                throw new SnapshotException("checksum mismatch: sealed 0x" + Long.toHexString(sealed)
                        + ", computed 0x" + Long.toHexString(expected));
            }
            if (!END.equals(in.readString())) {
                throw new SnapshotException("no end marker after the seal");
            }
        } catch (SnapshotException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new SnapshotException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /**
     * Reads the body of a snapshot (sessions, ACL map, nodes, end marker) into {@code tree}: what
     * a learner receives in a SNAP sync, from the same stream its packets come on.
     */
    public static void readBody(JuteStreamInput in, DataTree tree) throws SnapshotException {
        readBody(in, tree, null);
    }

    /** {@link #readBody(JuteStreamInput, DataTree)}, telling {@code progress} of the bytes read. */
    public static void readBody(JuteStreamInput in, DataTree tree, Progress progress) throws SnapshotException {
        try {
            readBody(in, new SnapshotVisitor() {
                @Override
                public void session(long id, int timeoutMs) {
                    tree.restoreSession(id, timeoutMs);
                }

                @Override
                public void node(String path, byte[] data, List<Acl> acl, StatPersisted stat) {
                    tree.restore(path, data, acl, stat);
                }
            }, progress);
            tree.restored();
        } catch (IOException | IllegalArgumentException e) {
            throw new SnapshotException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static void readBody(JuteStreamInput in, SnapshotVisitor visitor, Progress progress)
            throws IOException, SnapshotException {
        long startPosition = in.position();
        int sessions = in.readInt();
        checkCount(sessions, "session");
        for (int i = 0; i < sessions; i++) {
            visitor.session(in.readLong(), in.readInt());
        }
        int aclCount = in.readInt();
        checkCount(aclCount, "ACL");
        Map<Long, List<Acl>> acls = new java.util.HashMap<>();
        for (int i = 0; i < aclCount; i++) {
            long index = in.readLong();
            List<Acl> acl = in.readAclList();
            acls.put(index, acl == null ? List.of() : acl);
        }
        for (String path = in.readString(); !END.equals(path); path = in.readString()) {
            if (path == null) {
                throw new SnapshotException("a node without a path at byte " + in.position());
            }
            byte[] data = in.readBuffer();
            long aclIndex = in.readLong();
            StatPersisted stat = new StatPersisted(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    in.readInt(), in.readInt(), in.readInt(), in.readLong(), in.readLong());
            List<Acl> acl = aclIndex == -1 ? DataTree.OPEN_ACL_UNSAFE : acls.get(aclIndex);
            if (acl == null) {
                throw new SnapshotException("node " + path + " refers to ACL " + aclIndex + ", which is not in the snapshot");
            }
            visitor.node(path.isEmpty() ? DataTree.ROOT : path, data, acl, stat);
            if (progress != null) {
                progress.at(in.position() - startPosition);
            }
        }
    }

    private static void checkCount(int count, String what) throws SnapshotException {
        if (count < 0) {
            throw new SnapshotException("negative " + what + " count " + count);
        }
    }
}
