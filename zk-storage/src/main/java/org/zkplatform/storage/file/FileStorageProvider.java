package org.zkplatform.storage.file;

import org.zkplatform.api.Settings;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageContext;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.StorageProvider;

/** The {@code file} storage: Apache ZooKeeper's data and data-log directories, readable by either server. */
public final class FileStorageProvider implements StorageProvider {

    public static final String NAME = "file";

    @Override
    public String name() {
        return NAME;
    }

    /** Opens the storage described by the section {@code zk.storage}; see {@link FileStorageConfig#from}. */
    @Override
    public Storage open(Settings settings, StorageContext context) throws StorageException {
        return FileStorage.open(FileStorageConfig.from(settings), context);
    }
}
