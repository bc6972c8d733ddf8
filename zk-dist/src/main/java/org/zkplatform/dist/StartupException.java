package org.zkplatform.dist;

import java.util.Objects;

/**
 * The server cannot start. The message is one line an operator can act on, naming the key, file
 * or port at fault; no stack trace accompanies it.
 */
public final class StartupException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public StartupException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode is null");
    }

    public StartupException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode is null");
    }

    public static StartupException config(String message) {
        return new StartupException(ExitCode.INVALID_CONFIG, message);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
