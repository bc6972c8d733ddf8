package org.zkplatform.testkit.linearizability;

import java.util.Objects;

/** The operations of {@link RegisterModel}: read or write one integer register, named by key. */
public sealed interface RegisterOp {

    String key();

    /** Returns {@link RegisterResult.Value}. */
    record Read(String key) implements RegisterOp {
        public Read {
            Objects.requireNonNull(key, "key");
        }
    }

    /** Returns {@link RegisterResult.Ack#OK}. */
    record Write(String key, int value) implements RegisterOp {
        public Write {
            Objects.requireNonNull(key, "key");
        }
    }
}
