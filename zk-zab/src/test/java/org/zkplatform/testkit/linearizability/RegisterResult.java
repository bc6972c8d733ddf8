package org.zkplatform.testkit.linearizability;

/** What a {@link RegisterOp} returned. */
public sealed interface RegisterResult {

    /** A read's value. */
    record Value(int value) implements RegisterResult {
    }

    /** A write's acknowledgement. */
    enum Ack implements RegisterResult {
        OK
    }
}
