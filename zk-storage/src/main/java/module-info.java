/**
 * Storage providers: {@code file}, Apache ZooKeeper's on-disk format, and {@code memory}
 * (volatile, for tests and simulation).
 */
@SuppressWarnings("module") // qualified exports name the launcher, built after this module
module org.zkplatform.storage {
    requires org.zkplatform.api;
    requires org.slf4j;

    // For zk-tool: read-only inspection, single log files, purge listing what it deleted.
    exports org.zkplatform.storage.file to org.zkplatform.dist;

    provides org.zkplatform.api.storage.StorageProvider
            with org.zkplatform.storage.memory.MemoryStorageProvider,
                    org.zkplatform.storage.file.FileStorageProvider;
}
