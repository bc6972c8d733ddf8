package org.zkplatform.dist.cli;

import java.util.Objects;

/** A command cannot be run or did not succeed; the message is the one line the user sees. */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final CliExit exit;

    CliException(CliExit exit, String message) {
        super(message);
        this.exit = Objects.requireNonNull(exit, "exit is null");
    }

    /** The command is written wrong. */
    static CliException usage(String message) {
        return new CliException(CliExit.USAGE, message);
    }

    /** The command was understood, and failed. */
    static CliException failed(String message) {
        return new CliException(CliExit.FAILED, message);
    }

    CliExit exit() {
        return exit;
    }
}
