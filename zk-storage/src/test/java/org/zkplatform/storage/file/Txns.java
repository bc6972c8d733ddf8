package org.zkplatform.storage.file;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.StorageContext;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnCodec;
import org.zkplatform.api.storage.TxnCursor;
import org.zkplatform.api.storage.TxnLog;
import org.zkplatform.api.time.Clock;

/** Txns shaped like the core's: a 32-byte TxnHeader (long session, int cxid, long zxid at offset 12, long time, int type), then a payload. */
final class Txns {

    static final int HEADER_BYTES = 32;

    /** Reads the zxid where the core's codec does, at offset 12 of the TxnHeader. */
    static final TxnCodec CODEC = txn -> {
        if (txn.length < 20) {
            throw new IllegalArgumentException("a txn of " + txn.length + " bytes has no TxnHeader");
        }
        return ByteBuffer.wrap(txn).getLong(12);
    };

    static final StorageContext CONTEXT = new StorageContext(Clock.system(), CODEC);

    private Txns() {
    }

    static byte[] txn(long zxid) {
        return txn(zxid, 8 + (int) (zxid % 17));
    }

    static byte[] txn(long zxid, int payloadBytes) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + payloadBytes);
        b.putLong(0x1000_0000_0000_0001L).putInt((int) zxid).putLong(zxid).putLong(1_700_000_000_000L + zxid).putInt(1);
        while (b.hasRemaining()) {
            b.put((byte) (zxid * 31 + b.position()));
        }
        return b.array();
    }

    /** The defaults with small preallocation, so files stay small and tests can see the blocks. */
    static FileStorageConfig config(Path dataDir) {
        return config(dataDir, 64 * 1024);
    }

    static FileStorageConfig config(Path dataDir, long preallocateBytes) {
        FileStorageConfig d = FileStorageConfig.defaults(dataDir);
        return new FileStorageConfig(d.dataDir(), d.dataLogDir(), true, preallocateBytes, d.logRollBytes(), d.maxTxnBytes(),
                d.snapshotCompression());
    }

    static FileStorage open(FileStorageConfig config) throws StorageException {
        return FileStorage.open(config, CONTEXT);
    }

    static void append(TxnLog log, long fromZxid, long toZxid) throws StorageException {
        for (long zxid = fromZxid; zxid <= toZxid; zxid++) {
            log.append(zxid, txn(zxid));
        }
    }

    static List<LoggedTxn> readAll(TxnLog log, long fromZxid) throws StorageException {
        List<LoggedTxn> txns = new ArrayList<>();
        try (TxnCursor cursor = log.readFrom(fromZxid)) {
            for (LoggedTxn txn = cursor.next(); txn != null; txn = cursor.next()) {
                txns.add(txn);
            }
        }
        return txns;
    }

    static List<Long> zxids(TxnLog log, long fromZxid) throws StorageException {
        return readAll(log, fromZxid).stream().map(LoggedTxn::zxid).toList();
    }

    static List<Long> range(long from, long to) {
        List<Long> zxids = new ArrayList<>();
        for (long zxid = from; zxid <= to; zxid++) {
            zxids.add(zxid);
        }
        return zxids;
    }

    static Path versionDir(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("version-2");
    }

    static Path logFile(Path dataDir, long startZxid) {
        return versionDir(dataDir).resolve(LogFile.name(startZxid));
    }
}
