package org.zkplatform.testkit.linearizability;

import java.util.Objects;

/**
 * The operations of ZooKeeper's client on one znode that {@link CasRegisterModel} models. Values
 * are the znode's data as text. Each operation names its znode by path, the key the checker
 * partitions by.
 */
public sealed interface ZnodeOp {

    String path();

    /** getData: {@link ZnodeResult.Data} or {@code NO_NODE}. */
    record Read(String path) implements ZnodeOp {
        public Read {
            Objects.requireNonNull(path, "path");
        }
    }

    /** setData with version -1: {@link ZnodeResult.Updated} or {@code NO_NODE}. */
    record Write(String path, String value) implements ZnodeOp {
        public Write {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }

    /** setData with an expected version: {@link ZnodeResult.Updated}, {@code BAD_VERSION} or {@code NO_NODE}. */
    record Cas(String path, String value, int expectedVersion) implements ZnodeOp {
        public Cas {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            if (expectedVersion < 0) {
                throw new IllegalArgumentException("a compare-and-set expects a version >= 0; -1 is a Write");
            }
        }
    }

    /** create of a persistent znode whose parent exists: {@code OK} or {@code NODE_EXISTS}. */
    record Create(String path, String value) implements ZnodeOp {
        public Create {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }

    /** delete of a znode without children, version -1 for any: {@code OK}, {@code NO_NODE} or {@code BAD_VERSION}. */
    record Delete(String path, int expectedVersion) implements ZnodeOp {
        public Delete {
            Objects.requireNonNull(path, "path");
            if (expectedVersion < -1) {
                throw new IllegalArgumentException("expected version " + expectedVersion + " < -1");
            }
        }
    }
}
