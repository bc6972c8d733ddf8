package org.zkplatform.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.Settings;
import org.zkplatform.api.storage.SnapshotWriter;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.StorageProvider;

class FileStorageTest {

    @TempDir
    Path dir;

    @Test
    void theProviderIsFoundByNameAndOpensTheConfiguredDirectory() throws Exception {
        StorageProvider provider = ServiceLoader.load(StorageProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("file")).findFirst().orElseThrow();
        Settings settings = Settings.of(Map.of("data-dir", dir.toString(), "data-log-dir", "",
                "file", Map.of("preallocate-size", "64KiB")));
        try (Storage storage = provider.open(settings, Txns.CONTEXT)) {
            assertEquals("file " + dir.toAbsolutePath().normalize(), storage.describe());
            storage.txnLog().append(1, Txns.txn(1));
            storage.txnLog().commit();
        }
        assertEquals(64 * 1024, Files.size(Txns.logFile(dir, 1)));
    }

    @Test
    void aSeparateLogDirHoldsTheLogsAndTheDataDirTheRest() throws Exception {
        Path data = dir.resolve("data");
        Path logs = dir.resolve("datalog");
        Settings settings = Settings.of(Map.of("data-dir", data.toString(), "data-log-dir", logs.toString()));
        try (Storage storage = new FileStorageProvider().open(settings, Txns.CONTEXT)) {
            assertEquals("file " + data + " (log " + logs + ")", storage.describe());
            storage.txnLog().append(1, Txns.txn(1));
            storage.txnLog().commit();
            try (SnapshotWriter writer = storage.snapshots().create(1)) {
                writer.commit();
            }
            storage.epochs().write(org.zkplatform.api.storage.EpochStore.EpochKind.CURRENT, 1);
        }
        assertEquals(List.of("log.1", "zkplatform.lock"), names(logs.resolve("version-2")));
        assertEquals(List.of("currentEpoch", "snapshot.1", "zkplatform.lock"), names(data.resolve("version-2")));
    }

    @Test
    void missingDirectoriesAreCreatedAsZooKeeperDoes() throws Exception {
        Path nested = dir.resolve("a/b/c");
        Txns.open(Txns.config(nested)).close();
        assertTrue(Files.isDirectory(nested.resolve("version-2")));
    }

    @Test
    void aDataDirThatIsAFileIsRefusedNamingIt() throws Exception {
        Path file = Files.createFile(dir.resolve("data"));
        StorageException e = assertThrows(StorageException.class, () -> Txns.open(Txns.config(file)));
        assertEquals("data dir " + file + " is not a directory", e.getMessage());
    }

    @Test
    void aDataDirUnderAFileCannotBeCreatedAndSaysSo() throws Exception {
        Path file = Files.createFile(dir.resolve("plain"));
        Path data = file.resolve("data");
        StorageException e = assertThrows(StorageException.class, () -> Txns.open(Txns.config(data)));
        assertTrue(e.getMessage().startsWith("cannot create data dir " + data.resolve("version-2") + ": "), e.getMessage());
    }

    @Test
    void aReadOnlyDataDirIsRefusedNamingIt() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root ignores file permissions");
        Path data = Files.createDirectories(dir.resolve("data/version-2")).getParent();
        Files.setPosixFilePermissions(data.resolve("version-2"), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            StorageException e = assertThrows(StorageException.class, () -> Txns.open(Txns.config(data)));
            assertEquals("data dir " + data.resolve("version-2") + " is not writable", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(data.resolve("version-2"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aSecondStorageOnTheSameDataDirIsRefusedUntilTheFirstCloses() throws Exception {
        FileStorage first = Txns.open(Txns.config(dir));
        try {
            StorageException e = assertThrows(StorageException.class, () -> Txns.open(Txns.config(dir)));
            assertTrue(e.getMessage().startsWith("data dir " + dir.toAbsolutePath().normalize() + " is in use by another storage"),
                    e.getMessage());
        } finally {
            first.close();
        }
        Txns.open(Txns.config(dir)).close();
    }

    @Test
    void aDataDirLockedByAnotherProcessIsRefused() throws Exception {
        Path lockFile = Files.createDirectories(Txns.versionDir(dir)).resolve(DirLock.FILE_NAME);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), lockFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());

            StorageException e = assertThrows(DirInUseException.class, () -> Txns.open(Txns.config(dir)));

            assertEquals("data dir " + dir.toAbsolutePath().normalize() + " is in use by another process (" + lockFile
                    + " is locked)", e.getMessage());
        } finally {
            holder.getOutputStream().close();
            assertEquals(0, holder.waitFor());
        }
        Txns.open(Txns.config(dir)).close();
    }

    private static List<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
