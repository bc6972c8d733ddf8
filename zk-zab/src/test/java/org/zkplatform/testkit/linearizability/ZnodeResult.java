package org.zkplatform.testkit.linearizability;

import java.util.Objects;

/** What a {@link ZnodeOp} returned: data, a new version, success, or one of the definite errors. */
public sealed interface ZnodeResult {

    /** getData's answer: the data and the version of its stat. */
    record Data(String value, int version) implements ZnodeResult {
        public Data {
            Objects.requireNonNull(value, "value");
        }
    }

    /** setData's answer: the version of the stat it returned, the znode's new version. */
    record Updated(int version) implements ZnodeResult {
    }

    /** Answers that carry nothing but their kind. */
    enum Status implements ZnodeResult {
        /** create or delete succeeded. */
        OK,
        /** KeeperException.Code.NONODE. */
        NO_NODE,
        /** KeeperException.Code.NODEEXISTS. */
        NODE_EXISTS,
        /** KeeperException.Code.BADVERSION. */
        BAD_VERSION
    }
}
