package org.zkplatform.api.storage;

/** Storage failed; the message names the file or directory involved and what went wrong. */
public class StorageException extends Exception {

    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
