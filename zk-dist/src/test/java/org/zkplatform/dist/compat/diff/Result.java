package org.zkplatform.dist.compat.diff;

import java.util.List;
import org.apache.zookeeper.KeeperException.Code;

/**
 * What one op returned, normalized (see {@link Normalizer}) so that two faithful servers give
 * equal values. Lists the server returns unordered are sorted; data is hex, {@code null} for a
 * null buffer.
 */
public sealed interface Result {

    /** The server, or the client on its behalf (connection loss, timeout), answered with an error. */
    record Failed(Code code) implements Result {}

    /** The Java client refused the op before sending anything. */
    record Rejected(String exception) implements Result {}

    /** Success without a value: delete, sync, addWatch, removeWatches, addauth, a check in a multi. */
    record Done() implements Result {}

    /** A session was established with this negotiated timeout. */
    record Connected(int timeoutMillis) implements Result {}

    /** {@code stat} is null for the plain create. */
    record Created(String path, NodeStat stat) implements Result {}

    /** exists ({@code stat} null when there is no node), setData, setACL. */
    record StatOf(NodeStat stat) implements Result {}

    record Data(String data, NodeStat stat) implements Result {}

    /** Sorted names; {@code stat} is null for getChildren (8) and inside multiRead. */
    record Children(List<String> names, NodeStat stat) implements Result {
        public Children {
            names = List.copyOf(names);
        }
    }

    /** Each entry {@code perms:scheme:id}, in the server's order. */
    record Acl(List<String> entries, NodeStat stat) implements Result {
        public Acl {
            entries = List.copyOf(entries);
        }
    }

    record Count(int count) implements Result {}

    /** getEphemerals (sorted) and whoAmI ({@code scheme:user}, in the server's order). */
    record Names(List<String> names) implements Result {
        public Names {
            names = List.copyOf(names);
        }
    }

    /** Per-op results of a multi or multiRead, failed ones as {@link Failed}. */
    record Multi(List<Result> results) implements Result {
        public Multi {
            results = List.copyOf(results);
        }
    }
}
