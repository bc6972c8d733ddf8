package org.zkplatform.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.storage.EpochStore.EpochKind;
import org.zkplatform.api.storage.StorageException;

class EpochFilesTest {

    @TempDir
    Path dir;

    private EpochFiles epochs;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir);
        epochs = new EpochFiles(dir);
    }

    @Test
    void readsNothingBeforeTheFirstWrite() throws Exception {
        assertEquals(OptionalLong.empty(), epochs.read(EpochKind.CURRENT));
        assertEquals(OptionalLong.empty(), epochs.read(EpochKind.ACCEPTED));
    }

    @Test
    void writesADecimalNumberWithoutNewlineUnderZooKeepersNames() throws Exception {
        epochs.write(EpochKind.CURRENT, 42);
        epochs.write(EpochKind.ACCEPTED, 43);
        epochs.write(EpochKind.ACCEPTED, 4_294_967_296L);

        assertArrayEquals("42".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(dir.resolve("currentEpoch")));
        assertArrayEquals("4294967296".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(dir.resolve("acceptedEpoch")));
        assertEquals(OptionalLong.of(42), epochs.read(EpochKind.CURRENT));
        assertEquals(OptionalLong.of(4_294_967_296L), epochs.read(EpochKind.ACCEPTED));
        assertFalse(Files.exists(dir.resolve("currentEpoch.tmp")));
        assertFalse(Files.exists(dir.resolve("acceptedEpoch.tmp")));
    }

    @Test
    void aStaleTempFileDoesNotStopAWrite() throws Exception {
        Files.writeString(dir.resolve("acceptedEpoch.tmp"), "999999 and garbage");
        epochs.write(EpochKind.ACCEPTED, 5);
        assertEquals(OptionalLong.of(5), epochs.read(EpochKind.ACCEPTED));
    }

    @Test
    void aCurrentEpochLeftOnlyInItsTempFileIsRecovered() throws Exception {
        Files.writeString(dir.resolve("currentEpoch.tmp"), "7");
        assertEquals(OptionalLong.of(7), epochs.read(EpochKind.CURRENT));
    }

    @Test
    void theCommittedFileWinsOverATempFile() throws Exception {
        Files.writeString(dir.resolve("currentEpoch"), "6");
        Files.writeString(dir.resolve("currentEpoch.tmp"), "7");
        assertEquals(OptionalLong.of(6), epochs.read(EpochKind.CURRENT));
    }

    @Test
    void aTempFileCutShortByACrashIsIgnored() throws Exception {
        Files.write(dir.resolve("currentEpoch.tmp"), new byte[0]);
        assertEquals(OptionalLong.empty(), epochs.read(EpochKind.CURRENT));
    }

    @Test
    void onlyTheCurrentEpochRecoversFromItsTempFileAsInZooKeeper() throws Exception {
        Files.writeString(dir.resolve("acceptedEpoch.tmp"), "7");
        assertEquals(OptionalLong.empty(), epochs.read(EpochKind.ACCEPTED));
    }

    @Test
    void aTrailingNewlineIsAcceptedAsZooKeepersReadLineDoes() throws Exception {
        Files.writeString(dir.resolve("acceptedEpoch"), "12\n");
        assertEquals(OptionalLong.of(12), epochs.read(EpochKind.ACCEPTED));
    }

    @Test
    void aFileThatDoesNotParseIsAnErrorNamingIt() throws Exception {
        Files.writeString(dir.resolve("currentEpoch"), " 12");
        StorageException e = assertThrows(StorageException.class, () -> epochs.read(EpochKind.CURRENT));
        assertEquals("epoch file " + dir.resolve("currentEpoch") + " does not hold a decimal number: found ' 12'", e.getMessage());
    }

    @Test
    void aLongFileIsAnErrorNamingIt() throws Exception {
        Files.write(dir.resolve("acceptedEpoch"), new byte[4096]);
        StorageException e = assertThrows(StorageException.class, () -> epochs.read(EpochKind.ACCEPTED));
        assertEquals("epoch file " + dir.resolve("acceptedEpoch") + " is 4096 bytes long; it should hold one decimal number",
                e.getMessage());
    }
}
