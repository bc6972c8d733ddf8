package org.zkplatform.dist.cli.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.zkplatform.zab.proto.EventType;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.SetWatches;

/**
 * The one-shot watches the server holds for this session, as the client knows them. The server
 * keeps watches per connection, so after a reconnection they are set again with
 * {@link SetWatches}; this is the list to send. Thread-safe.
 */
final class WatchRegistry {

    private final Set<String> data = new LinkedHashSet<>();
    private final Set<String> exist = new LinkedHashSet<>();
    private final Set<String> child = new LinkedHashSet<>();

    /** A request that asked for a watch was answered with {@code err}: the server set one, or not. */
    synchronized void answered(int op, String path, int err) {
        boolean ok = err == KeeperError.OK.code();
        switch (op) {
            case OpCode.GET_DATA:
                if (ok) {
                    data.add(path);
                }
                break;
            case OpCode.EXISTS:
                // exists on a missing node leaves a watch for its creation.
                if (ok) {
                    data.add(path);
                } else if (err == KeeperError.NO_NODE.code()) {
                    exist.add(path);
                }
                break;
            case OpCode.GET_CHILDREN:
            case OpCode.GET_CHILDREN2:
                if (ok) {
                    child.add(path);
                }
                break;
            default:
                throw new IllegalArgumentException("op " + OpCode.name(op) + " sets no watch");
        }
    }

    /** A notification fired: the server dropped the watches it triggered. */
    synchronized void fired(EventType type, String path) {
        switch (type) {
            case NODE_CREATED:
            case NODE_DATA_CHANGED:
                data.remove(path);
                exist.remove(path);
                break;
            case NODE_DELETED:
                data.remove(path);
                exist.remove(path);
                child.remove(path);
                break;
            case NODE_CHILDREN_CHANGED:
                child.remove(path);
                break;
            default:
                break;
        }
    }

    synchronized boolean isEmpty() {
        return data.isEmpty() && exist.isEmpty() && child.isEmpty();
    }

    /** The watches to set again on a new connection; changes after {@code lastZxid} fire at once. */
    synchronized SetWatches toSetWatches(long lastZxid) {
        return new SetWatches(lastZxid, new ArrayList<>(data), new ArrayList<>(exist), new ArrayList<>(child));
    }
}
