package org.zkplatform.storage.memory;

import org.zkplatform.api.Settings;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageContext;
import org.zkplatform.api.storage.StorageProvider;

/** The {@code memory} storage: volatile, for tests and trying things out. */
public final class MemoryStorageProvider implements StorageProvider {

    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Storage open(Settings settings, StorageContext context) {
        return new MemoryStorage();
    }
}
