package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.zkplatform.api.storage.StorageException;

/** Turns an {@link IOException} into a one-line {@link StorageException} naming the file and the reason. */
final class IoFailures {

    private IoFailures() {
    }

    /** "cannot {@code action} {@code path}: reason", for example "cannot write txn log /d/log.1: No space left on device". */
    static StorageException of(String action, Path path, IOException e) {
        return new StorageException("cannot " + action + " " + path + ": " + reason(e), e);
    }

    /**
     * The operator-facing reason. The JDK puts only the path in the message of some exceptions
     * (for example {@link AccessDeniedException}), so their type says what happened.
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name already exists";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
