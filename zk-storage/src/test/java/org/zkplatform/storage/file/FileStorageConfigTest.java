package org.zkplatform.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.Settings;
import org.zkplatform.api.SettingsException;

class FileStorageConfigTest {

    @Test
    void absentKeysKeepTheDefaultsAndTheLogGoesInTheDataDir() {
        FileStorageConfig config = FileStorageConfig.from(Settings.of(Map.of("data-dir", "/var/zk")));
        assertEquals(FileStorageConfig.defaults(Path.of("/var/zk")), config);
        assertEquals(new FileStorageConfig(Path.of("/var/zk"), Path.of("/var/zk"), true, 64L << 20, 1L << 30, 2_162_688,
                SnapshotCompression.NONE), config);
    }

    @Test
    void theDefaultsAreTheValuesInReferenceConf() throws IOException {
        Map<String, Object> file = new LinkedHashMap<>();
        try (InputStream in = FileStorageConfig.class.getResourceAsStream("/reference.conf")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("(?m)^\\s+([a-z-]+) = (\\S+)$").matcher(text);
            while (m.find()) {
                file.put(m.group(1), m.group(2));
            }
        }
        assertEquals(5, file.size(), file.toString());
        assertEquals(FileStorageConfig.defaults(Path.of("/var/zk")),
                FileStorageConfig.from(Settings.of(Map.of("data-dir", "/var/zk", "file", file))));
    }

    @Test
    void readsEveryKey() {
        Settings settings = Settings.of(Map.of("data-dir", "/var/zk", "data-log-dir", "/fast/zk", "file", Map.of(
                "fsync", false, "preallocate-size", "0", "log-roll-size", "8MiB", "max-txn-bytes", "4MiB",
                "snapshot-compression", "gz")));
        assertEquals(new FileStorageConfig(Path.of("/var/zk"), Path.of("/fast/zk"), false, 0, 8L << 20, 4 << 20,
                SnapshotCompression.GZ), FileStorageConfig.from(settings));
    }

    @Test
    void relativeDirectoriesResolveAgainstTheWorkingDirectory() {
        FileStorageConfig config = FileStorageConfig.from(Settings.of(Map.of("data-dir", "data", "data-log-dir", "./logs/../log")));
        Path cwd = Path.of(System.getProperty("user.dir"));
        assertEquals(cwd.resolve("data"), config.dataDir());
        assertEquals(cwd.resolve("log"), config.dataLogDir());
    }

    @Test
    void outOfRangeValuesNameTheKey() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> FileStorageConfig.from(Settings.of(Map.of("data-dir", "/d", "file", Map.of("log-roll-size", "64k")))));
        assertEquals("file.log-roll-size", e.key());
        assertThrows(SettingsException.class,
                () -> FileStorageConfig.from(Settings.of(Map.of("data-dir", "/d", "file", Map.of("preallocate-size", "2GiB")))));
        assertThrows(SettingsException.class,
                () -> FileStorageConfig.from(Settings.of(Map.of("data-dir", "/d", "file", Map.of("max-txn-bytes", "100")))));
        SettingsException compression = assertThrows(SettingsException.class, () -> FileStorageConfig.from(
                Settings.of(Map.of("data-dir", "/d", "file", Map.of("snapshot-compression", "snappy")))));
        assertEquals("bad value for file.snapshot-compression: 'snappy'; allowed: one of gz, none", compression.getMessage());
    }

    @Test
    void aDataDirIsRequired() {
        SettingsException missing = assertThrows(SettingsException.class, () -> FileStorageConfig.from(Settings.empty()));
        assertEquals("data-dir", missing.key());
        SettingsException blank = assertThrows(SettingsException.class,
                () -> FileStorageConfig.from(Settings.of(Map.of("data-dir", " "))));
        assertEquals("data-dir", blank.key());
    }
}
