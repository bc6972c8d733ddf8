package org.zkplatform.dist.tools;

/** zk-tool's exit codes, listed in its usage text so scripts can rely on them. */
enum ToolExit {
    /** All is well. */
    OK(0),
    /** Damage found: a torn or damaged file (for check: one the server would work around). */
    DAMAGED(1),
    /** Bad command line or configuration, or a data dir in use where the command needs it to itself. */
    USAGE(2),
    /** Cannot read: a missing or unreadable file, or a log that is no txn log; for check, a data dir the server could not start from. */
    UNREADABLE(3);

    private final int code;

    ToolExit(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
