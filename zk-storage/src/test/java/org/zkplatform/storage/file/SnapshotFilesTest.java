package org.zkplatform.storage.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.SnapshotStore;
import org.zkplatform.api.storage.SnapshotWriter;
import org.zkplatform.api.storage.StorageException;

class SnapshotFilesTest {

    @TempDir
    Path dir;

    private FileStorageConfig config(SnapshotCompression compression) {
        FileStorageConfig d = Txns.config(dir);
        return new FileStorageConfig(d.dataDir(), d.dataLogDir(), d.fsync(), d.preallocateBytes(), d.logRollBytes(),
                d.maxTxnBytes(), compression);
    }

    private static byte[] content(long zxid) {
        byte[] bytes = new byte[100_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 251 + zxid);
        }
        return bytes;
    }

    private static SnapshotInfo write(SnapshotStore store, long zxid) throws Exception {
        try (SnapshotWriter writer = store.create(zxid)) {
            writer.stream().write(content(zxid));
            return writer.commit();
        }
    }

    private static byte[] read(SnapshotStore store, SnapshotInfo info) throws Exception {
        try (InputStream in = store.open(info)) {
            return in.readAllBytes();
        }
    }

    private List<String> files() throws Exception {
        try (Stream<Path> files = Files.list(Txns.versionDir(dir))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains("snapshot")).sorted().toList();
        }
    }

    @Test
    void aSnapshotIsInvisibleUntilCommittedAndThenReadsBack() throws Exception {
        try (FileStorage storage = Txns.open(config(SnapshotCompression.NONE))) {
            SnapshotStore store = storage.snapshots();
            SnapshotWriter writer = store.create(0x100000002L);
            writer.stream().write(content(2));
            writer.stream().flush();
            assertEquals(List.of(), store.list());
            assertEquals(List.of("tmp.snapshot.100000002"), files());

            SnapshotInfo info = writer.commit();

            assertEquals(new SnapshotInfo(0x100000002L, "snapshot.100000002", 100_000), info);
            assertEquals(List.of(info), store.list());
            assertEquals(List.of("snapshot.100000002"), files());
            assertArrayEquals(content(2), read(store, info));
        }
    }

    @Test
    void abortAndCloseWithoutCommitDeleteTheTempFile() throws Exception {
        try (FileStorage storage = Txns.open(config(SnapshotCompression.GZ))) {
            SnapshotStore store = storage.snapshots();
            SnapshotWriter aborted = store.create(1);
            aborted.stream().write(content(1));
            aborted.abort();
            try (SnapshotWriter closed = store.create(2)) {
                closed.stream().write(content(2));
            }
            assertEquals(List.of(), files());
            assertEquals(List.of(), store.list());
            // After commit, close does not undo it.
            SnapshotWriter committed = store.create(3);
            committed.commit();
            committed.close();
            assertEquals(List.of("snapshot.3.gz"), files());
        }
    }

    @Test
    void gzSnapshotsAreGzipFilesThatReadBackUncompressed() throws Exception {
        try (FileStorage storage = Txns.open(config(SnapshotCompression.GZ))) {
            SnapshotInfo info = write(storage.snapshots(), 0x2a);
            assertEquals("snapshot.2a.gz", info.name());
            byte[] file = Files.readAllBytes(Txns.versionDir(dir).resolve("snapshot.2a.gz"));
            assertEquals(0x1f, file[0] & 0xff);
            assertEquals(0x8b, file[1] & 0xff);
            assertTrue(info.sizeBytes() < 100_000, "compressed size " + info.sizeBytes());
            assertArrayEquals(content(0x2a), read(storage.snapshots(), info));
        }
    }

    @Test
    void theSuffixNotTheSettingSaysHowToRead() throws Exception {
        try (FileStorage storage = Txns.open(config(SnapshotCompression.GZ))) {
            write(storage.snapshots(), 5);
        }
        try (FileStorage storage = Txns.open(config(SnapshotCompression.NONE))) {
            write(storage.snapshots(), 6);
            List<SnapshotInfo> list = storage.snapshots().list();
            assertEquals(List.of("snapshot.6", "snapshot.5.gz"), list.stream().map(SnapshotInfo::name).toList());
            assertArrayEquals(content(6), read(storage.snapshots(), list.get(0)));
            assertArrayEquals(content(5), read(storage.snapshots(), list.get(1)));
        }
    }

    @Test
    void listSortsNewestFirstByZxidNotByName() throws Exception {
        try (FileStorage storage = Txns.open(config(SnapshotCompression.NONE))) {
            for (long zxid : new long[] {0x9, 0x10, 0x100000000L, 0xa}) {
                write(storage.snapshots(), zxid);
            }
            Files.write(Txns.versionDir(dir).resolve("snapshot.not-hex"), new byte[1]);
            Files.write(Txns.versionDir(dir).resolve("snapshot.b.bak"), new byte[1]);
            assertEquals(List.of(0x100000000L, 0x10L, 0xaL, 0x9L),
                    storage.snapshots().list().stream().map(SnapshotInfo::zxid).toList());
        }
    }

    @Test
    void snappySnapshotsAreListedButRefusedWithAClearMessage() throws Exception {
        try (FileStorage storage = Txns.open(config(SnapshotCompression.NONE))) {
            Path snappy = Txns.versionDir(dir).resolve("snapshot.7.snappy");
            Files.write(snappy, new byte[] {1, 2, 3});
            SnapshotInfo info = storage.snapshots().list().get(0);
            assertEquals(new SnapshotInfo(7, "snapshot.7.snappy", 3), info);

            StorageException e = assertThrows(StorageException.class, () -> storage.snapshots().open(info));

            assertTrue(e.getMessage().startsWith(snappy + ": snappy snapshots are not supported"), e.getMessage());
        }
    }

    @Test
    void openRefusesNamesThatAreNotSnapshots() throws Exception {
        try (FileStorage storage = Txns.open(config(SnapshotCompression.NONE))) {
            StorageException e = assertThrows(StorageException.class,
                    () -> storage.snapshots().open(new SnapshotInfo(1, "../currentEpoch", 1)));
            assertEquals("../currentEpoch is not a snapshot name", e.getMessage());
        }
    }

    @Test
    void unfinishedSnapshotsOfAnEarlierRunAreDeletedOnOpen() throws Exception {
        try (FileStorage storage = Txns.open(config(SnapshotCompression.NONE))) {
            SnapshotWriter writer = storage.snapshots().create(4);
            writer.stream().write(content(4));
            writer.stream().flush();
            // The process "dies" here: the writer is never committed nor aborted.
        }
        assertEquals(List.of("tmp.snapshot.4"), files());
        try (FileStorage storage = Txns.open(config(SnapshotCompression.NONE))) {
            assertEquals(List.of(), files());
            write(storage.snapshots(), 4);
        }
    }

    @Test
    void twoSnapshotsAtOneZxidCannotBeWrittenAtOnce() throws Exception {
        try (FileStorage storage = Txns.open(config(SnapshotCompression.NONE))) {
            SnapshotWriter first = storage.snapshots().create(8);
            StorageException e = assertThrows(StorageException.class, () -> storage.snapshots().create(8));
            assertEquals("cannot create snapshot " + Txns.versionDir(dir).resolve("tmp.snapshot.8")
                    + ": a file of that name already exists", e.getMessage());
            first.abort();
            write(storage.snapshots(), 8);
        }
    }
}
