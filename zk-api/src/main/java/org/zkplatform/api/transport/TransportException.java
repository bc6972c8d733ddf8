package org.zkplatform.api.transport;

/** A transport could not bind, connect or send. The message names the address involved. */
public class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
