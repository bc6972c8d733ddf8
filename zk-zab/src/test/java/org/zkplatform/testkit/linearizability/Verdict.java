package org.zkplatform.testkit.linearizability;

/** The checker's answer for one key or a whole history. */
public enum Verdict {
    /** A linearization was found. */
    LINEARIZABLE,
    /** The search proved there is none. */
    NOT_LINEARIZABLE,
    /** The search ran out of budget before deciding: neither a pass nor a failure. */
    UNKNOWN
}
