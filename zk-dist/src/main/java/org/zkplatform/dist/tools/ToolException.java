package org.zkplatform.dist.tools;

/** A subcommand cannot go on; the message is one line for the operator, the exit says what kind of failure. */
final class ToolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ToolExit exit;

    ToolException(ToolExit exit, String message) {
        super(message);
        this.exit = exit;
    }

    ToolExit exit() {
        return exit;
    }
}
