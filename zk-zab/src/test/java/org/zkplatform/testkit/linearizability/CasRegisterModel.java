package org.zkplatform.testkit.linearizability;

import org.zkplatform.testkit.linearizability.Model.Outcome;
import org.zkplatform.testkit.linearizability.ZnodeResult.Data;
import org.zkplatform.testkit.linearizability.ZnodeResult.Status;
import org.zkplatform.testkit.linearizability.ZnodeResult.Updated;

/**
 * One znode as a compare-and-set register, exactly as ZooKeeper's server decides: a znode starts
 * absent; create makes it present at version 0 (NodeExists if present); setData needs it present
 * (NoNode), then an expected version other than -1 must equal the current one (BadVersion), and
 * success sets the data and increments the version; delete needs it present (NoNode) and a
 * matching version unless -1 (BadVersion) and makes it absent, so a later create starts at
 * version 0 again; getData returns the data and version (NoNode). Existence is checked before the
 * version, as ZooKeeper does.
 *
 * <p>Each path is its own register ({@link #partition}). What lies outside one znode is outside
 * the model: a create under a missing parent (NoNode), a delete of a znode with children
 * (NotEmpty), ephemeral and sequential znodes, ACLs. Workloads create the parents first and use
 * leaf znodes.
 */
public final class CasRegisterModel implements Model<ZnodeState, ZnodeOp, ZnodeResult> {

    @Override
    public ZnodeState init() {
        return ZnodeState.absent();
    }

    @Override
    public Outcome<ZnodeState, ZnodeResult> apply(ZnodeState state, ZnodeOp op) {
        if (op instanceof ZnodeOp.Create create) {
            return state.exists()
                    ? unchanged(state, Status.NODE_EXISTS)
                    : new Outcome<>(ZnodeState.present(create.value(), 0), Status.OK);
        }
        if (!state.exists()) {
            return unchanged(state, Status.NO_NODE);
        }
        if (op instanceof ZnodeOp.Read) {
            return unchanged(state, new Data(state.value(), state.version()));
        }
        if (op instanceof ZnodeOp.Write write) {
            return updated(state, write.value());
        }
        if (op instanceof ZnodeOp.Cas cas) {
            return cas.expectedVersion() == state.version()
                    ? updated(state, cas.value())
                    : unchanged(state, Status.BAD_VERSION);
        }
        ZnodeOp.Delete delete = (ZnodeOp.Delete) op;
        return delete.expectedVersion() == -1 || delete.expectedVersion() == state.version()
                ? new Outcome<>(ZnodeState.absent(), Status.OK)
                : unchanged(state, Status.BAD_VERSION);
    }

    @Override
    public String partition(ZnodeOp op) {
        return op.path();
    }

    @Override
    public boolean isReadOnly(ZnodeOp op) {
        return op instanceof ZnodeOp.Read;
    }

    private static Outcome<ZnodeState, ZnodeResult> unchanged(ZnodeState state, ZnodeResult result) {
        return new Outcome<>(state, result);
    }

    private static Outcome<ZnodeState, ZnodeResult> updated(ZnodeState state, String value) {
        int version = state.version() + 1;
        return new Outcome<>(ZnodeState.present(value, version), new Updated(version));
    }
}
