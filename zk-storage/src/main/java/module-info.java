/**
 * Storage providers: {@code memory} (volatile, for tests and simulation) and, with the storage
 * issue, {@code file} in Apache ZooKeeper's on-disk format.
 */
module org.zkplatform.storage {
    requires org.zkplatform.api;
    requires org.slf4j;

    provides org.zkplatform.api.storage.StorageProvider
            with org.zkplatform.storage.memory.MemoryStorageProvider;
}
