package org.zkplatform.zab.request;

import org.zkplatform.zab.proto.KeeperError;

/** A write failed validation; it becomes an error txn. Carries no stack trace: it is not a bug. */
final class PrepFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final KeeperError error;

    PrepFailure(KeeperError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }

    KeeperError error() {
        return error;
    }
}
