/**
 * Storage providers: {@code file}, Apache ZooKeeper's on-disk format, and {@code memory}
 * (volatile, for tests and simulation).
 */
module org.zkplatform.storage {
    requires org.zkplatform.api;
    requires org.slf4j;

    provides org.zkplatform.api.storage.StorageProvider
            with org.zkplatform.storage.memory.MemoryStorageProvider,
                    org.zkplatform.storage.file.FileStorageProvider;
}
