package org.zkplatform.zab.proto;

import java.util.List;

/**
 * The txn of closeSession.
 *
 * @param paths2Delete the session's ephemerals; null when the txn came without a body, as
 *     servers with {@code zookeeper.closeSessionTxn.enabled=false} write it
 */
public record CloseSessionTxn(List<String> paths2Delete) implements JuteRecord {

    /** Reads the txn; an empty body gives a null list. */
    public static CloseSessionTxn read(JuteInput in) throws JuteException {
        return new CloseSessionTxn(in.hasRemaining() ? in.readStringList() : null);
    }

    @Override
    public void write(JuteOutput out) {
        out.writeStringList(paths2Delete);
    }
}
