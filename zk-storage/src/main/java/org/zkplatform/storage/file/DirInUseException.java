package org.zkplatform.storage.file;

import org.zkplatform.api.storage.StorageException;

/**
 * Another process (or another storage in this one) holds the directory's lock: a server is
 * running on it. A type of its own so that tools can tell "stop the server first" from damage.
 */
public final class DirInUseException extends StorageException {

    private static final long serialVersionUID = 1L;

    DirInUseException(String message) {
        super(message);
    }
}
