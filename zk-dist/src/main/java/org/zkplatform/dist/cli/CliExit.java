package org.zkplatform.dist.cli;

/** zk-cli's exit codes, listed in its help so scripts can rely on them. */
enum CliExit {
    /** Every command succeeded. */
    OK(0),
    /** The server refused a command: no such node, bad version, no permission... */
    FAILED(1),
    /** A command line or command that makes no sense: unknown command or option, bad argument. */
    USAGE(2),
    /** No server could be reached, the connection was lost with a command out, or the session expired. */
    CONNECTION(3);

    private final int code;

    CliExit(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
