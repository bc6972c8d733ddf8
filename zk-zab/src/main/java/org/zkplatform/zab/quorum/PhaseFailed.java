package org.zkplatform.zab.quorum;

/** A role cannot go on (the leader is gone, the quorum is lost, a peer broke the protocol). Expected: no stack trace. */
final class PhaseFailed extends Exception {

    private static final long serialVersionUID = 1L;

    PhaseFailed(String message) {
        super(message, null, false, false);
    }
}
