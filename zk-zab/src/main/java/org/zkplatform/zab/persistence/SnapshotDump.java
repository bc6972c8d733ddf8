package org.zkplatform.zab.persistence;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.StatPersisted;

/**
 * Prints a snapshot for {@code zk-tool dump-snapshot}: one line per node as it is read, then one
 * per session, then says whether the file is intact (its seal checked). Streams, so a snapshot
 * of any size dumps in little memory, and a damaged one still shows what precedes the damage.
 */
public final class SnapshotDump {

    /**
     * What the dump found.
     *
     * @param nodes the nodes read
     * @param sessions the sessions read
     * @param damage why the snapshot is not intact; empty if it is
     */
    public record Result(long nodes, int sessions, Optional<String> damage) {
    }

    private SnapshotDump() {
    }

    /** Dumps the (uncompressed) snapshot in {@code in} to {@code out}, a line at a time. */
    public static Result dump(InputStream in, Consumer<String> out) {
        Lines lines = new Lines(out);
        Optional<String> damage = Optional.empty();
        try {
            SnapshotFormat.read(in, JuteInput.DEFAULT_MAX_FIELD_BYTES, lines);
        } catch (SnapshotException e) {
            damage = Optional.of(e.getMessage());
        }
        lines.sessions.forEach(out);
        return new Result(lines.nodes, lines.sessions.size(), damage);
    }

    /** Node lines go out at once; session lines, which come first in the file, wait for the nodes. */
    private static final class Lines implements SnapshotVisitor {

        private final Consumer<String> out;
        private final List<String> sessions = new ArrayList<>();
        private long nodes;

        Lines(Consumer<String> out) {
            this.out = out;
        }

        @Override
        public void session(long id, int timeoutMs) {
            sessions.add("session=" + DumpText.hex(id) + " timeout=" + timeoutMs + "ms");
        }

        @Override
        public void node(String path, byte[] data, List<Acl> acl, StatPersisted stat) {
            nodes++;
            out.accept("path=" + DumpText.text(path) + " czxid=" + DumpText.hex(stat.czxid()) + " mzxid="
                    + DumpText.hex(stat.mzxid()) + " pzxid=" + DumpText.hex(stat.pzxid()) + " ctime="
                    + DumpText.time(stat.ctime()) + " mtime=" + DumpText.time(stat.mtime()) + " version=" + stat.version()
                    + " cversion=" + stat.cversion() + " aversion=" + stat.aversion() + " ephemeralOwner="
                    + DumpText.hex(stat.ephemeralOwner()) + " dataLength=" + (data == null ? 0 : data.length) + " acl="
                    + DumpText.acl(acl));
        }
    }
}
