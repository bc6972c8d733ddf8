package org.zkplatform.api.storage;

import org.zkplatform.api.Settings;

/**
 * A kind of storage, found with {@link java.util.ServiceLoader} and chosen by {@link #name()}
 * ({@code file}, {@code memory}). Implementations must have a public no-argument constructor and
 * do no work in it.
 */
public interface StorageProvider {

    String name();

    /**
     * Opens (creating if allowed) the storage described by {@code settings}, the section
     * {@code zk.storage}.
     *
     * @throws StorageException if it cannot be opened; the message names the directory or file
     */
    Storage open(Settings settings, StorageContext context) throws StorageException;
}
