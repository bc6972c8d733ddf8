package org.zkplatform.dist;

/** Process exit codes, so scripts and supervisors can tell failures apart. */
public enum ExitCode {
    /** Stopped normally. */
    OK(0),
    /** A failure not covered below; the log has details. */
    UNEXPECTED(1),
    /** Bad command line or configuration: fix the named key and start again. */
    INVALID_CONFIG(2),
    /** The data directory or log cannot be used. */
    STORAGE(3),
    /** A port cannot be bound, usually because it is in use. */
    LISTEN(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
