package org.zkplatform.api.election;

/** Election cannot run, for example because its address cannot be bound. */
public class ElectionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ElectionException(String message) {
        super(message);
    }

    public ElectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
